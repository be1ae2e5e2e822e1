import { useTranslation } from "react-i18next";
import { cn } from "../components/ui/cn";
import { Avatar } from "../components/Avatar";
import { LogoMark } from "../components/ui/LogoMark";
import { useOrganisation } from "../lib/organisation";
import { PAGES, type PageId } from "./pages";

interface SidebarProps {
  current: PageId;
  onNavigate: (page: PageId) => void;
}

/**
 * The pages. Below 1024 px (a small window, or a large zoom) it folds to its icons: each
 * name stays for screen readers and shows as a tooltip on hover and on keyboard focus.
 */
export function Sidebar({ current, onNavigate }: SidebarProps) {
  const { t } = useTranslation();
  return (
    <aside className="flex w-16 shrink-0 flex-col bg-slate-900 text-slate-300 lg:w-60">
      <Brand />
      <nav aria-label={t("nav.main")} className="px-2 lg:px-3">
        <ul className="space-y-1">
          {PAGES.map((page) => {
            const active = page.id === current;
            return (
              <li key={page.id} className="group relative">
                <button
                  type="button"
                  onClick={() => onNavigate(page.id)}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex w-full items-center justify-center gap-3 rounded-lg px-3 py-2.5 text-left text-sm font-medium transition-colors lg:justify-start",
                    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400",
                    active
                      ? "bg-slate-800 text-white shadow-inner"
                      : "text-slate-300 hover:bg-slate-800/60 hover:text-white",
                  )}
                >
                  <span aria-hidden="true" className={active ? "text-sky-400" : "text-slate-400"}>
                    {page.icon}
                  </span>
                  <span className="sr-only lg:not-sr-only">{t(page.titleKey)}</span>
                </button>
                {/* The tooltip of the folded sidebar; the button's own text is its name. */}
                <span
                  aria-hidden="true"
                  className="pointer-events-none absolute top-1/2 left-full z-50 ml-3 hidden -translate-y-1/2 rounded-md bg-slate-800 px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-white shadow-lg group-hover:block group-has-[:focus-visible]:block lg:!hidden"
                >
                  {t(page.titleKey)}
                </span>
              </li>
            );
          })}
        </ul>
      </nav>
    </aside>
  );
}

/**
 * Who the app is set up for, at the top: the organisation's logo and name once Settings has
 * them, else the app's. Folded, only the picture shows; the name stays for screen readers.
 */
function Brand() {
  const { t } = useTranslation();
  const organisation = useOrganisation();
  // Nothing until Python answers, rather than the app's name for a moment at every start.
  if (organisation.status === "loading") return <div aria-hidden="true" className="h-[5.75rem] shrink-0" />;
  const branded = organisation.status === "loaded" ? organisation.value : null;
  const name = branded?.name ?? null;
  return (
    <div className="flex items-center gap-3 px-3.5 pt-6 pb-8 lg:px-5" title={name ?? undefined}>
      {branded?.logoId != null ? (
        <Avatar mediaId={branded.logoId} name={name ?? ""} shape="square" className="size-9 text-xs" />
      ) : (
        <LogoMark className="size-9 shrink-0" />
      )}
      {name ? (
        <span className="sr-only min-w-0 lg:not-sr-only">
          <span className="line-clamp-2 text-base leading-snug font-semibold tracking-tight break-words text-white">
            {name}
          </span>
          <span className="block text-xs text-slate-400">{t("app.name")}</span>
        </span>
      ) : (
        <span className="sr-only text-lg font-semibold tracking-tight text-white lg:not-sr-only">{t("app.name")}</span>
      )}
    </div>
  );
}
