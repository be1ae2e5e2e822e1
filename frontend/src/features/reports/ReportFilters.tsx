import { FilterIcon } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { RosterFilters } from "../../components/roster/RosterFilters";
import { Button } from "../../components/ui/Button";
import { cn } from "../../components/ui/cn";
import { DateInput } from "../../components/ui/DateInput";
import { Field } from "../../components/ui/Field";
import { useClubIndex } from "../../lib/clubs";
import { dateInputProblem, isIsoDate } from "../../lib/format";
import { useRuleIndex } from "../../lib/use-rules";
import type { AthleteFilters, ColumnChoice, ReportRequest } from "../../types/bridge";
import { ColumnChooser } from "./ColumnChooser";
import { changeRequest } from "./reports-store";

const FILTERS_ID = "report-filters";
/** Starts the ids of the roster filters' selects ("report-sex"). */
const FILTER_IDS = "report";
/** How far back the medals' seasons go; one chosen before (from a link) is added. */
const MEDAL_SEASONS_BACK = 30;

const selectClass =
  "block h-9 rounded-lg border-0 bg-white py-1.5 pr-8 pl-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-blue-600 focus:outline-none";

interface ReportFiltersProps {
  request: ReportRequest;
  /** The roster report's columns, from its last answer (none until it comes). */
  columns: readonly ColumnChoice[];
  /** What Python refused in the request, by field. */
  fieldErrors: Record<string, string>;
}

/** The fields whose problems these filters show under themselves; others are said below the report. */
export const FILTER_FIELDS: readonly string[] = ["fromDate", "toDate"];

/** What each report can be narrowed by; grading and papers have nothing to choose. */
export function ReportFilters({ request, columns, fieldErrors }: ReportFiltersProps) {
  switch (request.name) {
    case "roster":
      return <RosterReportFilters request={request} columns={columns} />;
    case "promotions":
      return <PeriodFilters request={request} fieldErrors={fieldErrors} />;
    case "medals":
      return <MedalFilters request={request} />;
    case "grading":
    case "papers":
      return null;
  }
}

/** The roster's own filters (shared with the athletes page), its columns, and "only new". */
function RosterReportFilters({ request, columns }: { request: ReportRequest; columns: readonly ColumnChoice[] }) {
  const { t } = useTranslation("reports");
  const rules = useRuleIndex();
  const clubs = useClubIndex();
  const [open, setOpen] = useState(false);
  const filters = request.filters;
  if (!filters) return null;
  const season = filters.season ?? new Date().getFullYear();
  const change = (patch: Partial<AthleteFilters>) => changeRequest({ filters: { ...filters, ...patch } });
  return (
    // The filters' panel (below 1024 px) is placed against this box.
    <div className="relative flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          aria-expanded={open}
          aria-controls={FILTERS_ID}
          icon={<FilterIcon size={16} strokeWidth={2} />}
          onClick={() => setOpen((was) => !was)}
          className="lg:hidden"
        >
          {t("filters.button")}
        </Button>
        {columns.length > 0 ? (
          <ColumnChooser choices={columns} requested={request.columns} onChange={(keys) => changeRequest({ columns: keys })} />
        ) : null}
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={request.newInSeason}
            onChange={(event) => changeRequest({ newInSeason: event.target.checked })}
            className="size-4 rounded border-slate-300 text-blue-700 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600"
          />
          {t("filters.newInSeason", { season })}
        </label>
      </div>
      <RosterFilters
        id={FILTERS_ID}
        idPrefix={FILTER_IDS}
        open={open}
        filters={filters}
        season={season}
        rules={rules}
        clubs={clubs}
        onChange={change}
      />
    </div>
  );
}

/**
 * The promotions' period, both days included. A date that doesn't read yet is said under its
 * field and not sent; what Python refuses (a period that ends before it starts) is said there
 * too, in its words.
 */
function PeriodFilters({ request, fieldErrors }: { request: ReportRequest; fieldErrors: Record<string, string> }) {
  const { t } = useTranslation("reports");
  const idPrefix = useId();
  const [from, setFrom] = useState(request.fromDate ?? "");
  const [to, setTo] = useState(request.toDate ?? "");
  const fromLabel = t("filters.from");
  const toLabel = t("filters.to");
  const fromProblem = isIsoDate(from) ? fieldErrors.fromDate : dateInputProblem(fromLabel);
  const toProblem = isIsoDate(to) ? fieldErrors.toDate : dateInputProblem(toLabel);

  const change = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    if (isIsoDate(nextFrom) && isIsoDate(nextTo)) changeRequest({ fromDate: nextFrom, toDate: nextTo });
  };

  return (
    <div role="group" aria-label={t("filters.period")} className="flex flex-wrap items-start gap-4">
      <Field idPrefix={idPrefix} name="fromDate" label={fromLabel} error={fromProblem} className="w-56">
        {(control) => <DateInput control={control} value={from} label={fromLabel} onChange={(value) => change(value, to)} />}
      </Field>
      <Field idPrefix={idPrefix} name="toDate" label={toLabel} error={toProblem} className="w-56">
        {(control) => <DateInput control={control} value={to} label={toLabel} onChange={(value) => change(from, value)} />}
      </Field>
    </div>
  );
}

/** The medals' season (or all time), and whether they are listed by athlete or by tournament. */
function MedalFilters({ request }: { request: ReportRequest }) {
  const { t } = useTranslation("reports");
  const seasons = medalSeasons(new Date().getFullYear(), request.season);
  return (
    <div className="flex flex-wrap items-end gap-4">
      <div>
        <label htmlFor="report-medal-season" className="mb-1 block text-xs font-medium text-slate-600">
          {t("filters.season")}
        </label>
        <select
          id="report-medal-season"
          value={request.season ?? ""}
          onChange={(event) => changeRequest({ season: event.target.value === "" ? null : Number(event.target.value) })}
          className={cn(selectClass, "w-36 tabular-nums")}
        >
          <option value="">{t("filters.allTime")}</option>
          {seasons.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="report-medal-group" className="mb-1 block text-xs font-medium text-slate-600">
          {t("filters.groupBy")}
        </label>
        <select
          id="report-medal-group"
          value={request.groupBy}
          // The groupings have columns of their own: the order goes back to the report's.
          onChange={(event) =>
            changeRequest({ groupBy: event.target.value === "tournament" ? "tournament" : "athlete", sort: null, descending: false })
          }
          className={cn(selectClass, "w-44")}
        >
          <option value="athlete">{t("filters.byAthlete")}</option>
          <option value="tournament">{t("filters.byTournament")}</option>
        </select>
      </div>
    </div>
  );
}

/** This year and the ones before it, newest first, with `chosen` among them. */
function medalSeasons(thisYear: number, chosen: number | null): number[] {
  const years = Array.from({ length: MEDAL_SEASONS_BACK + 1 }, (_, back) => thisYear - back);
  if (chosen !== null && !years.includes(chosen)) {
    years.push(chosen);
    years.sort((a, b) => b - a);
  }
  return years;
}
