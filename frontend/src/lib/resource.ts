import { useEffect } from "react";
import { subscribe, type DataTopic } from "./data-events";
import { errorMessage } from "./notify";
import { createStore, useStore, type Store } from "./store";

/** Something asked of Python, as a screen shows it. */
export type Loadable<T> =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "loaded"; value: T };

interface ResourceOptions<T> {
  load: () => Promise<T>;
  /** The data events after which the value may be out of date. */
  staleOn: readonly DataTopic[];
  /**
   * A failed reload keeps the value on screen instead of showing the error (only a first
   * load that failed shows it).
   */
  keepOnError?: boolean;
}

/**
 * One value from Python shared by every screen that shows it (app info, the last backup, the
 * rules): loaded when first shown, then again only after one of its data events, never per
 * card. Several callers at once share one request.
 */
export interface Resource<T> {
  /** Asks Python again, e.g. "Try again"; joins a request already on its way. */
  reload: () => Promise<void>;
  /** Makes `value` (as a change returned it) what every screen shows. */
  set: (value: T) => void;
  /** For `useResource`. */
  store: Store<{ state: Loadable<T> }>;
  /** For `useResource`: counts the screens showing it, loads it if it is not current. */
  watch: () => () => void;
}

export function createResource<T>({ load, staleOn, keepOnError = false }: ResourceOptions<T>): Resource<T> {
  const store = createStore<{ state: Loadable<T> }>({ state: { status: "loading" } });
  /** Goes up with every change, so a load that started before it and answers late is dropped. */
  let generation = 0;
  let inflight: Promise<void> | null = null;
  /** True while the value on screen is the answer for the data as it is now. */
  let current = false;
  let watchers = 0;

  const reload = (): Promise<void> => {
    if (inflight) return inflight;
    const started = generation;
    // `.finally` runs after `inflight` is stored below, even if loading fails at once.
    const request = load()
      .then(
        (value) => {
          if (started !== generation) return;
          current = true;
          store.set({ state: { status: "loaded", value } });
        },
        (err: unknown) => {
          if (started !== generation) return;
          if (keepOnError && store.get().state.status === "loaded") return;
          store.set({ state: { status: "error", message: errorMessage(err) } });
        },
      )
      .finally(() => {
        if (inflight === request) inflight = null;
      });
    inflight = request;
    return request;
  };

  // An answer already on its way may have been read before the change: it is dropped, and
  // the next load doesn't join it.
  const invalidate = () => {
    generation += 1;
    inflight = null;
    current = false;
  };

  subscribe(staleOn, () => {
    invalidate();
    if (watchers > 0) void reload();
  });

  return {
    reload,
    set(value) {
      invalidate();
      current = true;
      store.set({ state: { status: "loaded", value } });
    },
    store,
    watch() {
      watchers += 1;
      if (!current) void reload();
      return () => {
        watchers -= 1;
      };
    },
  };
}

/** The resource's value as it is now; re-renders when it changes. */
export function useResource<T>(resource: Resource<T>): Loadable<T> {
  useEffect(() => resource.watch(), [resource]);
  return useStore(resource.store).state;
}
