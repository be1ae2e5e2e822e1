import { formatNumber } from "../../lib/format";
import type { AgeCategory, Sex } from "../../types/bridge";

export const SEX_LABEL: Record<Sex, string> = { F: "Female", M: "Male" };

/** "63.5 kg"; a dash for an athlete whose weight was never recorded. */
export function formatWeight(kg: number | null): string {
  return kg === null ? "—" : `${formatNumber(kg, 1)} kg`;
}

/** "U18 Cadets". */
export function categoryLabel(category: AgeCategory): string {
  return `${category.code} ${category.name}`;
}
