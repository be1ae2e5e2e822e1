import { cn } from "../components/ui/cn";
import { LogoMark } from "../components/ui/LogoMark";
import { PAGES, type PageId } from "./pages";

interface SidebarProps {
  current: PageId;
  onNavigate: (page: PageId) => void;
}

export function Sidebar({ current, onNavigate }: SidebarProps) {
  return (
    <aside className="flex w-60 shrink-0 flex-col bg-slate-900 text-slate-300">
      <div className="flex items-center gap-3 px-5 pt-6 pb-8">
        <LogoMark className="size-9 shrink-0" />
        <span className="text-lg font-semibold tracking-tight text-white">Judo Manager</span>
      </div>
      <nav aria-label="Main" className="px-3">
        <ul className="space-y-1">
          {PAGES.map((page) => {
            const active = page.id === current;
            return (
              <li key={page.id}>
                <button
                  type="button"
                  onClick={() => onNavigate(page.id)}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex w-full items-center gap-3 rounded-lg px-3 py-2.5 text-left text-sm font-medium transition-colors",
                    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400",
                    active
                      ? "bg-slate-800 text-white shadow-inner"
                      : "text-slate-300 hover:bg-slate-800/60 hover:text-white",
                  )}
                >
                  <span className={active ? "text-sky-400" : "text-slate-400"}>{page.icon}</span>
                  {page.title}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
    </aside>
  );
}
