import type { ParseKeys } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Card } from "../../components/ui/Card";
import { formatCount } from "../../lib/format";
import type { Destination } from "../../lib/navigation";
import type { MedalCounts, Overview } from "../../types/bridge";
import { NumberLink } from "./NumberLink";
import { chooseMedals, type MedalChoice } from "./use-overview";

const PLACES = ["gold", "silver", "bronze"] as const satisfies readonly (keyof MedalCounts)[];
const PLACE_NAME = {
  gold: "medals.gold",
  silver: "medals.silver",
  bronze: "medals.bronze",
} as const satisfies Record<(typeof PLACES)[number], ParseKeys<"dashboard">>;
/** A medal's colour, beside its name (never the colour alone). */
const PLACE_DOT: Record<(typeof PLACES)[number], string> = {
  gold: "bg-amber-400",
  silver: "bg-slate-300",
  bronze: "bg-orange-700",
};

interface MedalsSectionProps {
  overview: Overview;
  choice: MedalChoice;
}

/** The medals of a season or of all time, and the athletes with the most. */
export function MedalsSection({ overview, choice }: MedalsSectionProps) {
  const { t } = useTranslation("dashboard");
  const selectId = useId();
  const season = overview.medalSeason;
  const report: Destination = { page: "reports", request: { name: "medals", season } };
  // The seasons with medals, and the one chosen (or this one) even when it has none.
  const seasons = [...new Set([...(typeof choice === "number" ? [choice] : []), ...overview.medalSeasons])].sort(
    (a, b) => b - a,
  );
  const total = overview.medals.gold + overview.medals.silver + overview.medals.bronze;
  return (
    <Card title={t("medals.title")} description={t("medals.description")}>
      <div className="space-y-5">
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor={selectId} className="text-sm font-medium text-slate-700">
            {t("medals.season")}
          </label>
          <select
            id={selectId}
            value={String(choice)}
            onChange={(event) => chooseMedals(event.target.value === "all" ? "all" : Number(event.target.value))}
            className="block h-9 rounded-lg border-0 bg-white py-1.5 pr-8 pl-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-blue-600 focus:outline-none"
          >
            <option value="all">{t("medals.allTime")}</option>
            {seasons.map((year) => (
              <option key={year} value={year}>
                {String(year)}
              </option>
            ))}
          </select>
        </div>
        <ul className="grid grid-cols-3 gap-3">
          {PLACES.map((place) => (
            <li key={place}>
              <NumberLink
                to={report}
                className="block w-full rounded-xl bg-slate-50 px-4 py-3 ring-1 ring-slate-200 hover:no-underline hover:ring-blue-300"
              >
                <span className="block text-2xl font-semibold text-slate-900 tabular-nums">
                  {formatCount(overview.medals[place])}
                </span>
                <span className="mt-0.5 flex items-center gap-1.5 text-sm text-slate-600">
                  <span aria-hidden="true" className={`size-2.5 rounded-full ${PLACE_DOT[place]}`} />
                  {t(PLACE_NAME[place])}
                </span>
              </NumberLink>
            </li>
          ))}
        </ul>
        {total === 0 ? (
          <p className="text-sm text-slate-600">
            {season === null ? t("medals.noneEver") : t("medals.noneInSeason", { season: String(season) })}
          </p>
        ) : (
          <div>
            <h3 className="text-sm font-semibold text-slate-800">{t("medals.top")}</h3>
            <ol className="mt-2 divide-y divide-slate-100">
              {overview.topAthletes.map((athlete, index) => (
                <li key={athlete.athleteId} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <span className="flex min-w-0 items-center gap-3">
                    <span aria-hidden="true" className="w-4 text-right text-slate-500 tabular-nums">
                      {formatCount(index + 1)}
                    </span>
                    <NumberLink
                      to={{ page: "athletes", athleteId: athlete.athleteId }}
                      className="truncate font-medium text-blue-700"
                    >
                      {athlete.fullName}
                    </NumberLink>
                  </span>
                  <span className="shrink-0 text-slate-600 tabular-nums">
                    {t("medals.tally", { gold: athlete.gold, silver: athlete.silver, bronze: athlete.bronze })}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        )}
      </div>
    </Card>
  );
}
