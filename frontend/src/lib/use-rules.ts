import type { AgeCategory, Belt, Rules, WeightClass } from "../types/bridge";
import { api } from "./bridge";
import { publish } from "./data-events";
import { createResource, useResource, type Loadable } from "./resource";
import { indexWeightClasses } from "./weight-classes";

/** The rules with the lookups every page needs, built once per change rather than per row. */
export interface RuleIndex {
  rules: Rules;
  beltById: ReadonlyMap<number, Belt>;
  categoryById: ReadonlyMap<number, AgeCategory>;
  /** Every weight class of every category. */
  weightClassById: ReadonlyMap<number, WeightClass>;
}

export type RulesState = Loadable<RuleIndex>;

function indexRules(rules: Rules): RuleIndex {
  return {
    rules,
    beltById: new Map(rules.belts.map((belt) => [belt.id, belt])),
    categoryById: new Map(rules.categories.map((category) => [category.id, category])),
    weightClassById: indexWeightClasses(rules.categories),
  };
}

/**
 * Shared by the roster, the athlete pages and the Settings cards, so an edit in Settings
 * is what the roster shows next, without each page keeping its own copy. Loaded again when a
 * restore replaced the data (a load already on its way then is dropped: it may have read the
 * data from before) and when athletes change (each belt counts its athletes). Rules already
 * on screen stay when a reload fails.
 */
const rules = createResource<RuleIndex>({
  load: async () => indexRules(await api().rules.get()),
  staleOn: ["data-replaced", "athletes-changed"],
  keepOnError: true,
});

/** Makes `rules` (as a rules.* change returned them) what every page shows. */
export function publishRules(changed: Rules): void {
  rules.set(indexRules(changed));
  publish("rules-changed");
}

/** Asks Python again ("Try again"); several callers at once share one request. */
export function reloadRules(): Promise<void> {
  return rules.reload();
}

/** The belt ladder and age categories. */
export function useRules(): RulesState {
  return useResource(rules);
}

/** The loaded index, or null while loading or after a failed first load. */
export function useRuleIndex(): RuleIndex | null {
  const state = useRules();
  return state.status === "loaded" ? state.value : null;
}

/** Stands in for "no upper limit" when comparing bands, as in Python (rules/model.py). */
const NO_UPPER_AGE = 1_000;

/**
 * The category an athlete of `age` is shown with: the most specific that fits, i.e. the
 * narrowest band (Veterans 30+ over Seniors 15+, U18 over U21), the youngest of equals. The
 * same rule as Python's `roster_category`; the categories come youngest first.
 */
export function categoryForAge(age: number, categories: readonly AgeCategory[]): AgeCategory | null {
  let best: AgeCategory | null = null;
  let bestWidth = Infinity;
  for (const category of categories) {
    const upper = category.maxAge ?? NO_UPPER_AGE;
    if (age < category.minAge || age > upper) continue;
    const width = upper - category.minAge;
    // Strictly narrower only: of equal bands, the first (youngest) stays.
    if (width < bestWidth) {
      best = category;
      bestWidth = width;
    }
  }
  return best;
}
