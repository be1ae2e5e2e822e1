import type { Club, JudoManagerApi } from "../types/bridge";
import { api } from "./bridge";
import { publish } from "./data-events";
import { createResource, useResource, type Loadable } from "./resource";

/** What the club editor sends (name required, the rest optional), as `clubs.create` takes it. */
export type ClubInput = Parameters<JudoManagerApi["clubs"]["create"]>[0];

/** The clubs by name, with the lookup the roster and the athlete form need, built once per change. */
export interface ClubIndex {
  clubs: readonly Club[];
  clubById: ReadonlyMap<number, Club>;
}

function indexClubs(clubs: readonly Club[]): ClubIndex {
  return { clubs, clubById: new Map(clubs.map((club) => [club.id, club])) };
}

/**
 * The clubs athletes belong to, shared by Settings, the athlete form and the roster's
 * filter. Every clubs.* change answers the whole list, which `publishClubs` makes what every
 * screen shows, so the list isn't stale on its own "clubs-changed" (that would only ask
 * Python again for what it just said). Loaded again when a restore or an undo replaced the
 * data, and when athletes change: each club counts its athletes. A list already on screen
 * stays when a reload fails.
 */
const clubs = createResource<ClubIndex>({
  load: async () => indexClubs(await api().clubs.list()),
  staleOn: ["data-replaced", "athletes-changed"],
  keepOnError: true,
});

/**
 * Makes `changed` (as a clubs.* change returned it) what every screen shows, and tells the
 * others: the roster (a deleted club's athletes have no club now), the app's details.
 */
export function publishClubs(changed: readonly Club[]): void {
  clubs.set(indexClubs(changed));
  publish("clubs-changed");
}

/** Asks Python again ("Try again"); several callers at once share one request. */
export function reloadClubs(): Promise<void> {
  return clubs.reload();
}

/** The clubs, as they load. */
export function useClubs(): Loadable<ClubIndex> {
  return useResource(clubs);
}

/** The loaded clubs, or null while loading or after a failed first load. */
export function useClubIndex(): ClubIndex | null {
  const state = useClubs();
  return state.status === "loaded" ? state.value : null;
}
