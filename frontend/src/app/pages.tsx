import type { ParseKeysWithoutVariables } from "i18next";
import type { ComponentType, ReactNode } from "react";
import { FileTextIcon, LayoutDashboardIcon, SlidersHorizontalIcon, TrophyIcon, UsersIcon } from "lucide-react";
import { AthletesPage, arriveAtAthletes, showRoster } from "../features/athletes/AthletesPage";
import { BackupCard } from "../features/backup/BackupCard";
import { BackupStatusCard } from "../features/backup/BackupStatusCard";
import { ClubsCard } from "../features/clubs/ClubsCard";
import { DashboardPage } from "../features/dashboard/DashboardPage";
import { prefetchOverview } from "../features/dashboard/use-overview";
import { OrganisationCard } from "../features/clubs/OrganisationCard";
import { ImportButton } from "../features/imports/ImportButton";
import { arriveAtReport, ReportsPage } from "../features/reports/ReportsPage";
import { RestoreCard } from "../features/restore/RestoreCard";
import { BeltsCard } from "../features/rules/BeltsCard";
import { CategoriesCard } from "../features/rules/CategoriesCard";
import type { Destination } from "../lib/navigation";
import { SettingsPage } from "../features/settings/SettingsPage";
import { arriveAtTournaments, showTournamentList, TournamentsPage } from "../features/tournaments/TournamentsPage";

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

/** The roster with the import from a spreadsheet beside "Add athlete" (its dialog is the shell's). */
function Athletes() {
  return <AthletesPage importAction={<ImportButton />} />;
}

/** Settings gathers other features' cards; composed here, since features don't import each other. */
function Settings() {
  return (
    <SettingsPage>
      <BackupCard />
      <RestoreCard />
      <OrganisationCard />
      <ClubsCard />
      <BeltsCard />
      <CategoriesCard />
    </SettingsPage>
  );
}

/** The dashboard, with the backup's status card from the backup feature. */
function Dashboard() {
  return <DashboardPage backupStatus={<BackupStatusCard />} />;
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
    component: Athletes,
    layout: "fills",
    onNavigate: showRoster,
    onArrive: arriveAtAthletes,
  },
  {
    id: "tournaments",
    titleKey: "pages.tournaments.title",
    subtitleKey: "pages.tournaments.subtitle",
    icon: <TrophyIcon />,
    component: TournamentsPage,
    layout: "fills",
    onNavigate: showTournamentList,
    onArrive: arriveAtTournaments,
  },
  {
    id: "reports",
    titleKey: "pages.reports.title",
    subtitleKey: "pages.reports.subtitle",
    icon: <FileTextIcon />,
    component: ReportsPage,
    layout: "fills",
    onArrive: arriveAtReport,
  },
  {
    id: "settings",
    titleKey: "pages.settings.title",
    subtitleKey: "pages.settings.subtitle",
    icon: <SlidersHorizontalIcon />,
    component: Settings,
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
