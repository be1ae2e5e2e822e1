import type { ReactNode } from "react";
import { AthleteDetail } from "./AthleteDetail";
import { Roster } from "./Roster";
import { useRosterState } from "./roster-store";

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
