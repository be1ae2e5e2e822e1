import type { Destination } from "../../lib/navigation";
import { DEFAULT_FILTERS } from "../../lib/roster-filters";
import { createStore, useStore } from "../../lib/store";
import type { AthleteFilters, AthleteList } from "../../types/bridge";

interface RosterState {
  filters: AthleteFilters;
  /** The athlete whose page is open, or null for the roster. */
  openId: number | null;
  /** Whether the add-athlete form is open over the roster (a link may open it). */
  adding: boolean;
}

/**
 * Outlives the page on purpose: after a look at Settings or at one athlete, the coach
 * comes back to the same search, filters and place in the list.
 */
const store = createStore<RosterState>({ filters: DEFAULT_FILTERS, openId: null, adding: false });

/**
 * Plain variables rather than store state: nothing re-renders when they change. The last
 * list shows at once on return while a fresh one loads; the scroll position and the focus
 * on the athlete just closed put the coach back where they were.
 */
export const rosterMemory = {
  list: null as AthleteList | null,
  scrollTop: 0,
  /** Set by "Back to athletes", taken by the list once that athlete's row is drawn. */
  returnFocusId: null as number | null,
  /** Set after a delete (the row is gone), taken by the list once it is drawn. */
  focusList: false,
};

export function useRosterState(): RosterState {
  return useStore(store);
}

export function setFilters(patch: Partial<AthleteFilters>): void {
  store.set({ filters: { ...store.get().filters, ...patch } });
}

/** Filters back to their defaults, keeping the season and the sort order. */
export function clearFilters(): void {
  const { season, sort, descending } = store.get().filters;
  store.set({ filters: { ...DEFAULT_FILTERS, season, sort, descending } });
}

export function openAthlete(id: number): void {
  store.set({ openId: id, adding: false });
}

/** The roster with the add-athlete form open over it (or closed again). */
export function setAdding(adding: boolean): void {
  store.set(adding ? { openId: null, adding } : { adding });
}

/**
 * A link's filters (the dashboard's "12 brown belts"), laid over the defaults: the coach's
 * search and other filters go, as the number promised only these; the sort order stays.
 * The list opens at its top.
 */
export function showFiltered(patch: Partial<AthleteFilters>): void {
  const { sort, descending } = store.get().filters;
  rosterMemory.scrollTop = 0;
  rosterMemory.returnFocusId = null;
  store.set({ filters: { ...DEFAULT_FILTERS, sort, descending, ...patch }, openId: null });
}

/**
 * Back to the roster. Focus goes to that athlete's row ("row"), to the list itself after a
 * delete ("list"), or stays where it is (the sidebar's button: "none").
 */
export function closeAthlete(focus: "row" | "list" | "none"): void {
  rosterMemory.returnFocusId = focus === "row" ? store.get().openId : null;
  rosterMemory.focusList = focus === "list";
  store.set({ openId: null });
}

/** The season the roster shows: the chosen one, else the one Python said is current. */
export function rosterSeason(): number {
  return store.get().filters.season ?? rosterMemory.list?.season ?? new Date().getFullYear();
}

/**
 * Back to the list, with its search and filters as they were (the sidebar's "Athletes"). Here
 * rather than beside the page, so the page registry has it before the page's code loads.
 */
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
