import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";
import type { AgeCategory, Sex } from "../../types/bridge";

/** Each sex's word in the catalog: literal keys, so the catalog test sees them used. */
export const SEX_KEY = { F: "sex.female", M: "sex.male" } as const satisfies Record<Sex, string>;

export interface AthleteText {
  /** "Female", "Male" in the language spoken. */
  sex: (sex: Sex) => string;
  /** "63.5 kg" ("63,5 kg" in Indonesian); a dash for an athlete whose weight was never recorded. */
  weight: (kg: number | null) => string;
}

/**
 * How an athlete's sex and weight read in the language spoken now. The same object until
 * the language changes, so the roster's memoized rows it is handed redraw only then.
 */
export function useAthleteText(): AthleteText {
  const { t } = useTranslation("athletes");
  return useMemo(
    () => ({
      sex: (sex) => t(SEX_KEY[sex]),
      weight: (kg) => (kg === null ? "—" : t("weight", { weight: formatNumber(kg, 1) })),
    }),
    [t],
  );
}

/** "U18 Cadets": the club's own words, never translated. */
export function categoryLabel(category: AgeCategory): string {
  return `${category.code} ${category.name}`;
}
