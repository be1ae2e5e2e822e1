import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useAthleteWords } from "../../components/roster/roster-text";
import { formatNumber } from "../../lib/format";
import type { Sex } from "../../types/bridge";

export interface AthleteText {
  /** "Female", "Male" in the language spoken. */
  sex: (sex: Sex) => string;
  /** "Active", "Inactive". */
  status: (active: boolean) => string;
  /** "63.5 kg" ("63,5 kg" in Indonesian); a dash for an athlete whose weight was never recorded. */
  weight: (kg: number | null) => string;
}

/**
 * How an athlete's sex and weight read in the language spoken now. The same object until
 * the language changes, so the roster's memoized rows it is handed redraw only then.
 */
export function useAthleteText(): AthleteText {
  const { t } = useTranslation("athletes");
  const words = useAthleteWords();
  return useMemo(
    () => ({
      sex: words.sex,
      status: words.status,
      weight: (kg) => (kg === null ? "—" : t("weight", { weight: formatNumber(kg, 1) })),
    }),
    [t, words],
  );
}
