import { api } from "../../lib/bridge";
import { publish } from "../../lib/data-events";
import type { Destination } from "../../lib/navigation";
import { createResource, useResource, type Loadable } from "../../lib/resource";
import { createStore, useStore } from "../../lib/store";
import type { Tournament, TournamentSummary } from "../../types/bridge";

interface TournamentsState {
  /** The tournament whose page is open, or null for the list. */
  openId: number | null;
}

/** Outlives the page: after a look at an athlete, the coach comes back to the same tournament. */
const store = createStore<TournamentsState>({ openId: null });

export function useTournamentsState(): TournamentsState {
  return useStore(store);
}

export function openTournament(id: number): void {
  store.set({ openId: id });
}

/** Back to the list; `focusId` is the tournament whose line takes the focus there. */
export function closeTournament(focusId: number | null = null): void {
  listMemory.focusId = focusId;
  store.set({ openId: null });
}

/** Taken by the list once it is drawn, so the keyboard carries on from the tournament just closed. */
export const listMemory = { focusId: null as number | null };

/**
 * Every tournament with its counts. Loaded again after a change here, a restore, and a change
 * to athletes or rules: an entry's conflicts follow its athlete (inactive, papers, belt).
 */
const summaries = createResource<TournamentSummary[]>({
  load: () => api().tournaments.list(),
  staleOn: ["data-replaced", "tournaments-changed", "athletes-changed", "rules-changed"],
  keepOnError: true,
});

export function useTournamentList(): Loadable<TournamentSummary[]> {
  return useResource(summaries);
}

export function reloadTournamentList(): Promise<void> {
  return summaries.reload();
}

/** True while this feature publishes its own change: the page that made it already shows it. */
let ownChange = false;

/** Whether the data event being delivered now is one this feature published. */
export function isOwnChange(): boolean {
  return ownChange;
}

/**
 * Tells the other screens a tournament changed; with `medals`, the athletes too (a result of
 * 1st to 3rd is a medal in the athlete's history, and a tournament's name and date are its
 * medals' too).
 */
export function publishTournamentChange({ medals }: { medals: boolean }): void {
  ownChange = true;
  try {
    publish("tournaments-changed");
    if (medals) publish("athletes-changed");
  } finally {
    ownChange = false;
  }
}

/**
 * A change to the open tournament, as a bridge call that answers the tournament as it is now;
 * the page shows that answer. `medals`: it may have changed medals in athletes' histories.
 * Changes run one after another, so their answers show in the order they were made, and each
 * call is handed the tournament as the one before it left it: two quick changes to one entry
 * (a category, then a weigh-in) both stand, the second not undoing the first.
 */
export type TournamentChange = (
  call: (latest: Tournament) => Promise<Tournament>,
  options?: { medals?: boolean },
) => Promise<Tournament>;

/**
 * Back to the list (the sidebar's "Tournaments"). Here rather than beside the page, so the
 * page registry has it before the page's code loads.
 */
export function showTournamentList(): void {
  closeTournament();
}

/** A link here (`goTo`): one tournament's page, or the list. */
export function arriveAtTournaments(destination: Destination): void {
  if (destination.page !== "tournaments") return;
  if (destination.tournamentId !== undefined) openTournament(destination.tournamentId);
  else closeTournament();
}
