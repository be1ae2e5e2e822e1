import type { AgeCategory, Sex } from "../../types/bridge";

/** Each ladder's heading ("Women", "Men"): literal keys, so the catalog test sees them used. */
export const LADDER_KEY = { F: "weightClasses.women", M: "weightClasses.men" } as const satisfies Record<Sex, string>;

/** The ladders in the order they are shown: women's, then men's, as Python lists them. */
export const LADDERS: readonly Sex[] = ["F", "M"];

/** The oldest age of a kids' band (U9 to U15): federations differ most in those classes. */
const KIDS_MAX_AGE = 14;

/** True for a band of children only (U9–U15), whose weight classes federations set differently. */
export function isKidsBand(category: AgeCategory): boolean {
  return category.maxAge !== null && category.maxAge <= KIDS_MAX_AGE;
}
