import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { AgeCategory, Sex } from "../../types/bridge";

/** Each sex's word in the common catalog: literal keys, so the catalog test sees them used. */
export const SEX_KEY = { F: "athlete.sex.female", M: "athlete.sex.male" } as const satisfies Record<Sex, string>;

export interface AthleteWords {
  /** "Female", "Male" in the language spoken. */
  sex: (sex: Sex) => string;
  /** "Active", "Inactive". */
  status: (active: boolean) => string;
}

/**
 * An athlete's sex and status in the language spoken now, for every screen that lists
 * athletes (the roster, the tournament picker); the same object until the language changes.
 */
export function useAthleteWords(): AthleteWords {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      sex: (sex) => t(SEX_KEY[sex]),
      status: (active) => (active ? t("athlete.status.active") : t("athlete.status.inactive")),
    }),
    [t],
  );
}

/** "U18 Cadets": the club's own words, never translated. */
export function categoryLabel(category: AgeCategory): string {
  return `${category.code} ${category.name}`;
}
