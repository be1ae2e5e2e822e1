import type { AthleteFilters, ReportRequest } from "../types/bridge";

/**
 * Where a link inside a page leads: another page, already showing what the link promised
 * (the roster filtered to brown belts, one athlete, one tournament, one report). Features
 * don't import each other, so a link names its destination here and the page registry
 * (`app/pages.tsx`) hands it to the page that shows it.
 */
export type Destination =
  | { page: "dashboard" }
  | {
      page: "athletes";
      /** Applied over the roster's defaults (the coach's search and other filters go). */
      filters?: Partial<AthleteFilters>;
      /** Open this athlete's page rather than the roster. */
      athleteId?: number;
      /** Open the add-athlete form over the roster (the first athlete of a new club). */
      add?: boolean;
    }
  | { page: "tournaments"; tournamentId?: number }
  | { page: "reports"; request?: Partial<ReportRequest> & Pick<ReportRequest, "name"> }
  | { page: "settings" };

type Listener = (destination: Destination) => void;
const listeners = new Set<Listener>();

/** Go to `destination`: the shell shows its page, which takes up what it asks for. */
export function goTo(destination: Destination): void {
  for (const listener of [...listeners]) listener(destination);
}

/** Calls `listener` on every `goTo` (the shell); returns the unsubscribe. */
export function onGoTo(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
