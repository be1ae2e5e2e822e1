import { useEffect } from "react";
import type { AgeCategory, Belt, Rules } from "../types/bridge";
import { api } from "./bridge";
import { errorMessage } from "./notify";
import { createStore, useStore } from "./store";
import { useDataVersion } from "./use-data-version";

/** The rules with the lookups every page needs, built once per change rather than per row. */
export interface RuleIndex {
  rules: Rules;
  beltById: ReadonlyMap<number, Belt>;
  categoryById: ReadonlyMap<number, AgeCategory>;
}

export type RulesState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "loaded"; index: RuleIndex };

/**
 * Shared by the roster, the athlete pages and the Settings cards, so an edit in Settings
 * is what the roster shows next, without each page keeping its own copy.
 */
const store = createStore<{ state: RulesState }>({ state: { status: "loading" } });
/** Goes up with every published change, so an older load that answers late is dropped. */
let generation = 0;
let inflight: Promise<void> | null = null;

function indexRules(rules: Rules): RuleIndex {
  return {
    rules,
    beltById: new Map(rules.belts.map((belt) => [belt.id, belt])),
    categoryById: new Map(rules.categories.map((category) => [category.id, category])),
  };
}

/** Makes `rules` (as a rules.* change returned them) what every page shows. */
export function publishRules(rules: Rules): void {
  generation += 1;
  store.set({ state: { status: "loaded", index: indexRules(rules) } });
}

/** The data version the rules were last asked for; see `reloadRules`. */
let askedForVersion: number | null = null;

/**
 * Asks Python again; several callers at once share one request. With a `dataVersion` newer
 * than the last one asked for (a restore replaced the data), a request already on its way
 * is not shared: it may have been answered from the data before the restore.
 */
export function reloadRules(dataVersion?: number): Promise<void> {
  if (dataVersion !== undefined && dataVersion !== askedForVersion) {
    askedForVersion = dataVersion;
    generation += 1;
    inflight = null;
  }
  if (inflight) return inflight;
  // `.finally` runs after this function has stored `request`, even if loading fails at once.
  const request = loadAndPublish().finally(() => {
    if (inflight === request) inflight = null;
  });
  inflight = request;
  return request;
}

async function loadAndPublish(): Promise<void> {
  const started = generation;
  try {
    const rules = await api().rules.get();
    if (started === generation) publishRules(rules);
  } catch (err) {
    // Keep rules already on screen; only a first load that failed shows the error.
    if (store.get().state.status !== "loaded") {
      store.set({ state: { status: "error", message: errorMessage(err) } });
    }
  }
}

/**
 * The belt ladder and age categories. Loaded again whenever a page using them mounts
 * (belt athlete counts change as athletes do) and when a restore replaced the data.
 */
export function useRules(): RulesState {
  const dataVersion = useDataVersion();
  useEffect(() => {
    void reloadRules(dataVersion);
  }, [dataVersion]);
  return useStore(store).state;
}

/** The loaded index, or null while loading or after a failed first load. */
export function useRuleIndex(): RuleIndex | null {
  const state = useRules();
  return state.status === "loaded" ? state.index : null;
}

/**
 * The category an athlete of `age` is shown with: the youngest that fits. Python sends the
 * categories youngest first (by upper age, then lower age), so that is the first match.
 */
export function categoryForAge(age: number, categories: readonly AgeCategory[]): AgeCategory | null {
  return (
    categories.find(
      (category) => category.minAge <= age && (category.maxAge === null || age <= category.maxAge),
    ) ?? null
  );
}
