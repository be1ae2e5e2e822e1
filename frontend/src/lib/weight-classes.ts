import type { AgeCategory, Sex, WeightClass } from "../types/bridge";
import { formatNumber } from "./format";
import { translate } from "./i18n";

/*
 * Weight classes as every screen shows them, by the same rules as Python's rules/weights.py:
 * a class is "up to and including `limitKg`", or with `over`, "over `limitKg`" (the heaviest).
 */

/** One sex's classes in ladder order: the up-to classes lightest first, then the over class. */
export function ladder(classes: readonly WeightClass[], sex: Sex): WeightClass[] {
  return classes
    .filter((weightClass) => weightClass.sex === sex)
    .sort((a, b) => Number(a.over) - Number(b.over) || a.limitKg - b.limitKg);
}

/**
 * The class as the coach reads it: its own name where set, else "-66 kg" or "+100 kg", the
 * limit in the language's numbers ("-44,5 kg" in Indonesian).
 */
export function weightClassLabel(weightClass: WeightClass): string {
  if (weightClass.name !== null && weightClass.name.trim() !== "") return weightClass.name;
  const limit = formatLimit(weightClass.limitKg);
  return weightClass.over ? translate("weightClass.over", { limit }) : translate("weightClass.upTo", { limit });
}

/** The class as one step of a ladder written out ("-48 -52 … +78"): its name, or "-48", "+78". */
export function weightClassStep(weightClass: WeightClass): string {
  if (weightClass.name !== null && weightClass.name.trim() !== "") return weightClass.name;
  const limit = formatLimit(weightClass.limitKg);
  return weightClass.over
    ? translate("weightClass.overStep", { limit })
    : translate("weightClass.upToStep", { limit });
}

/** A limit as written in a class's label: "66", "44,5" (Python allows one decimal at most). */
export function formatLimit(limitKg: number): string {
  return formatNumber(limitKg, Number.isInteger(limitKg) ? 0 : 1);
}

/** Every weight class of the categories, by id. */
export function indexWeightClasses(categories: readonly AgeCategory[]): Map<number, WeightClass> {
  return new Map(categories.flatMap((category) => category.weightClasses.map((wc) => [wc.id, wc] as const)));
}
