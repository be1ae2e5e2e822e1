import type { ReactNode } from "react";
import { AthleteDetail } from "./AthleteDetail";
import { Roster } from "./Roster";
import type { Destination } from "../../lib/navigation";
import { closeAthlete, openAthlete, setAdding, showFiltered, useRosterState } from "./roster-store";

interface AthletesPageProps {
  /** Another feature's way of bringing athletes in (the import from a spreadsheet), shown
   * beside "Add athlete": app/pages.tsx composes it, since features don't import each other. */
  importAction?: ReactNode;
}

/** The roster, or one athlete's page opened from it. */
export function AthletesPage({ importAction }: AthletesPageProps) {
  const { openId } = useRosterState();
  // Keyed by id: another athlete is a fresh page, never the last one's state.
  return openId === null ? <Roster importAction={importAction} /> : <AthleteDetail key={openId} id={openId} />;
}

/** Back to the list, with its search and filters as they were (the sidebar's "Athletes"). */
export function showRoster(): void {
  closeAthlete("none");
}

/** A link here (`goTo`): one athlete's page, or the roster with the link's filters. */
export function arriveAtAthletes(destination: Destination): void {
  if (destination.page !== "athletes") return;
  if (destination.athleteId !== undefined) openAthlete(destination.athleteId);
  else if (destination.add) setAdding(true);
  else showFiltered(destination.filters ?? {});
}
