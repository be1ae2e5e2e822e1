import type { ReactNode } from "react";
import { cn } from "../components/ui/cn";
import { LogoMark, SettingsIcon, UsersIcon } from "../components/ui/icons";

export type PageId = "athletes" | "settings";

export const PAGES: Record<PageId, { title: string; subtitle: string; icon: ReactNode }> = {
  athletes: { title: "Athletes", subtitle: "The people in your club.", icon: <UsersIcon /> },
  settings: {
    title: "Settings",
    subtitle: "Backups, belts, age categories and details about this installation.",
    icon: <SettingsIcon />,
  },
};

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
          {(Object.keys(PAGES) as PageId[]).map((id) => {
            const active = id === current;
            return (
              <li key={id}>
                <button
                  type="button"
                  onClick={() => onNavigate(id)}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex w-full items-center gap-3 rounded-lg px-3 py-2.5 text-left text-sm font-medium transition-colors",
                    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400",
                    active
                      ? "bg-slate-800 text-white shadow-inner"
                      : "text-slate-300 hover:bg-slate-800/60 hover:text-white",
                  )}
                >
                  <span className={active ? "text-sky-400" : "text-slate-400"}>{PAGES[id].icon}</span>
                  {PAGES[id].title}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
    </aside>
  );
}
