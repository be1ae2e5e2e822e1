import type { ParseKeysWithoutVariables } from "i18next";
import { lazy, type ComponentType, type ReactNode } from "react";
import { FileTextIcon, LayoutDashboardIcon, SlidersHorizontalIcon, TrophyIcon, UsersIcon } from "lucide-react";
import { arriveAtAthletes, showRoster } from "../features/athletes/roster-store";
import { BackupStatusCard } from "../features/backup/BackupStatusCard";
import { DashboardPage } from "../features/dashboard/DashboardPage";
import { prefetchOverview } from "../features/dashboard/use-overview";
import { arriveAtReport } from "../features/reports/reports-store";
import { arriveAtTournaments, showTournamentList } from "../features/tournaments/tournaments-store";
import type { Destination } from "../lib/navigation";

/** One page of the app, as the sidebar lists it and the shell shows it. */
export interface Page {
  id: string;
  /** The sidebar entry, the page's <h1> and the window title (its key in `common`). */
  titleKey: ParseKeysWithoutVariables<"common">;
  /** Under the <h1>. */
  subtitleKey: ParseKeysWithoutVariables<"common">;
  icon: ReactNode;
  component: ComponentType;
  /**
   * "fills": the page takes the rest of the window and scrolls inside itself (the roster,
   * which draws only the rows in view). "column": it sits in the padded column and the window
   * scrolls it.
   */
  layout: "fills" | "column";
  /** Called when the coach picks the page in the sidebar: back to where the page starts. */
  onNavigate?: () => void;
  /**
   * Called when a link leads here (`lib/navigation.goTo`), before the page shows: it takes
   * up what the link asks for (the roster's filters, one athlete). Only this page's
   * destinations reach it.
   */
  onArrive?: (destination: Destination) => void;
}

/** The dashboard, with the backup's status card from the backup feature. */
function Dashboard() {
  return <DashboardPage backupStatus={<BackupStatusCard />} />;
}

/** How each page but the first loads its code: each is a chunk of its own. */
const PAGE_LOADS: (() => Promise<unknown>)[] = [];

/**
 * A page whose code loads when it is first shown (or preloaded), not before the first
 * screen: the first script is half as large, and the window is usable sooner. Shown inside
 * the shell's <Suspense>.
 */
function later<Module>(load: () => Promise<Module>, pick: (module: Module) => ComponentType): ComponentType {
  let loaded: ComponentType | null = null;
  PAGE_LOADS.push(() =>
    load().then((module) => {
      loaded = pick(module);
    }),
  );
  // Once preloaded, the page is handed over in the same call: React.lazy suspends on any
  // promise, even a settled one, and the coach would see the fallback for a frame.
  return lazy(() => (loaded ? settled({ default: loaded }) : load().then((module) => ({ default: pick(module) }))));
}

/**
 * A thenable that calls back at once, inside `then` itself. Typed as the promise React.lazy
 * asks for, of which React only calls `then`.
 */
function settled<T>(value: T): Promise<T> {
  const thenable: PromiseLike<T> = {
    then(onFulfilled) {
      return settled(onFulfilled ? onFulfilled(value) : value) as never;
    },
  };
  return thenable as Promise<T>;
}

/**
 * Loads every page's code now, so opening one later waits for nothing. Called a while after
 * the first screen has drawn, when the window is idle; a failure is left for the page itself
 * to meet (and say) when it is opened.
 */
export function preloadPages(): void {
  for (const load of PAGE_LOADS) load().catch(() => undefined);
}

/** Every page, in sidebar order; the first is where the app opens. A new page is one entry here. */
export const PAGES = [
  {
    id: "dashboard",
    titleKey: "pages.dashboard.title",
    subtitleKey: "pages.dashboard.subtitle",
    icon: <LayoutDashboardIcon />,
    component: Dashboard,
    layout: "fills",
    onNavigate: prefetchOverview,
    onArrive: prefetchOverview,
  },
  {
    id: "athletes",
    titleKey: "pages.athletes.title",
    subtitleKey: "pages.athletes.subtitle",
    icon: <UsersIcon />,
    component: later(() => import("./AthletesScreen"), (module) => module.AthletesScreen),
    layout: "fills",
    onNavigate: showRoster,
    onArrive: arriveAtAthletes,
  },
  {
    id: "tournaments",
    titleKey: "pages.tournaments.title",
    subtitleKey: "pages.tournaments.subtitle",
    icon: <TrophyIcon />,
    component: later(
      () => import("../features/tournaments/TournamentsPage"),
      (module) => module.TournamentsPage,
    ),
    layout: "fills",
    onNavigate: showTournamentList,
    onArrive: arriveAtTournaments,
  },
  {
    id: "reports",
    titleKey: "pages.reports.title",
    subtitleKey: "pages.reports.subtitle",
    icon: <FileTextIcon />,
    component: later(() => import("../features/reports/ReportsPage"), (module) => module.ReportsPage),
    layout: "fills",
    onArrive: arriveAtReport,
  },
  {
    id: "settings",
    titleKey: "pages.settings.title",
    subtitleKey: "pages.settings.subtitle",
    icon: <SlidersHorizontalIcon />,
    component: later(() => import("./SettingsScreen"), (module) => module.SettingsScreen),
    layout: "column",
  },
] as const satisfies readonly Page[];

export type PageId = (typeof PAGES)[number]["id"];

export function pageById(id: PageId): Page {
  return PAGES.find((page) => page.id === id) ?? PAGES[0];
}

/** The page a destination leads to, if the app has it. */
export function pageOf(destination: Destination): Page | undefined {
  return PAGES.find((page) => page.id === destination.page);
}
