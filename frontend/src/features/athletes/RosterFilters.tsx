import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { cn } from "../../components/ui/cn";
import type { ClubIndex } from "../../lib/clubs";
import type { RuleIndex } from "../../lib/use-rules";
import type { AthleteFilters } from "../../types/bridge";
import { categoryLabel, SEX_KEY } from "./athlete-text";

/** The seasons offered around this year; one chosen outside them is added. */
const SEASONS_BACK = 20;
const SEASONS_AHEAD = 5;
/** What Python accepts. */
const FIRST_SEASON = 1900;

interface RosterFiltersProps {
  id: string;
  /** Below 1024 px the filters are a panel over the list, shown while `open`. */
  open: boolean;
  filters: AthleteFilters;
  /** The season on screen (the chosen one, or the current one Python reported). */
  season: number;
  rules: RuleIndex | null;
  /** The club filter shows only when there are clubs. */
  clubs: ClubIndex | null;
  onChange: (patch: Partial<AthleteFilters>) => void;
}

/** The selects are sized for their longest option in any language ("Perempuan", "Nonaktif"). */
const selectClass =
  "block h-9 rounded-lg border-0 bg-white py-1.5 pr-8 pl-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-blue-600 focus:outline-none";

/** Season, sex, belt, age category, status, club and papers; every change applies at once. */
export function RosterFilters({ id, open, filters, season, rules, clubs, onChange }: RosterFiltersProps) {
  const { t } = useTranslation("athletes");
  const thisYear = new Date().getFullYear();
  const seasons = seasonOptions(thisYear, season);
  return (
    <div
      id={id}
      role="group"
      aria-label={t("filters.label")}
      className={cn(
        "flex-wrap items-end gap-x-4 gap-y-3 lg:static lg:flex lg:rounded-none lg:bg-transparent lg:p-0 lg:shadow-none lg:ring-0",
        open
          ? "absolute inset-x-5 top-16 z-20 flex rounded-xl bg-white p-4 shadow-lg ring-1 ring-slate-200"
          : "hidden",
      )}
    >
      <FilterField label={t("filters.season")} htmlFor="roster-season">
        <div className="flex items-center gap-1">
          <StepButton
            label={t("filters.previousYear")}
            disabled={season <= FIRST_SEASON}
            onClick={() => onChange({ season: season - 1 })}
          >
            <ChevronLeftIcon size={16} strokeWidth={2} />
          </StepButton>
          <select
            id="roster-season"
            value={season}
            onChange={(event) => onChange({ season: Number(event.target.value) })}
            className={cn(selectClass, "w-28 tabular-nums")}
          >
            {seasons.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
          <StepButton
            label={t("filters.nextYear")}
            disabled={season >= thisYear + SEASONS_AHEAD}
            onClick={() => onChange({ season: season + 1 })}
          >
            <ChevronRightIcon size={16} strokeWidth={2} />
          </StepButton>
        </div>
      </FilterField>

      <FilterField label={t("filters.sex")} htmlFor="roster-sex">
        <select
          id="roster-sex"
          value={filters.sex ?? ""}
          onChange={(event) => onChange({ sex: parseSex(event.target.value) })}
          className={cn(selectClass, "w-32")}
        >
          <option value="">{t("filters.all")}</option>
          <option value="F">{t(SEX_KEY.F)}</option>
          <option value="M">{t(SEX_KEY.M)}</option>
        </select>
      </FilterField>

      <FilterField label={t("filters.belt")} htmlFor="roster-belt">
        <select
          id="roster-belt"
          value={filters.beltId ?? ""}
          onChange={(event) => onChange({ beltId: parseId(event.target.value) })}
          className={cn(selectClass, "w-40")}
        >
          <option value="">{t("filters.allBelts")}</option>
          {rules?.rules.belts.map((belt) => (
            <option key={belt.id} value={belt.id}>
              {belt.name}
            </option>
          ))}
        </select>
      </FilterField>

      <FilterField label={t("filters.category")} htmlFor="roster-category">
        <select
          id="roster-category"
          value={filters.categoryId ?? ""}
          onChange={(event) => onChange({ categoryId: parseId(event.target.value) })}
          className={cn(selectClass, "w-56")}
        >
          <option value="">{t("filters.allAges")}</option>
          {rules?.rules.categories.map((category) => (
            <option key={category.id} value={category.id}>
              {t("filters.eligibleFor", { category: categoryLabel(category) })}
            </option>
          ))}
        </select>
      </FilterField>

      <FilterField label={t("filters.status")} htmlFor="roster-status">
        <select
          id="roster-status"
          value={filters.status}
          onChange={(event) => onChange({ status: parseStatus(event.target.value) })}
          className={cn(selectClass, "w-32")}
        >
          <option value="active">{t("status.active")}</option>
          <option value="inactive">{t("status.inactive")}</option>
          <option value="all">{t("filters.all")}</option>
        </select>
      </FilterField>

      {clubs && clubs.clubs.length > 0 ? (
        <FilterField label={t("filters.club")} htmlFor="roster-club">
          <select
            id="roster-club"
            value={filters.clubId ?? ""}
            onChange={(event) => onChange({ clubId: parseId(event.target.value) })}
            className={cn(selectClass, "w-44")}
          >
            <option value="">{t("filters.allClubs")}</option>
            {clubs.clubs.map((club) => (
              <option key={club.id} value={club.id}>
                {club.name}
              </option>
            ))}
          </select>
        </FilterField>
      ) : null}

      <FilterField label={t("filters.papers")} htmlFor="roster-papers">
        <select
          id="roster-papers"
          value={filters.papers}
          onChange={(event) => onChange({ papers: parsePapers(event.target.value) })}
          className={cn(selectClass, "w-52")}
        >
          <option value="all">{t("filters.all")}</option>
          <option value="expired">{t("filters.papersExpired")}</option>
          <option value="expiring">{t("filters.papersExpiring")}</option>
          <option value="missing">{t("filters.papersMissing")}</option>
        </select>
      </FilterField>
    </div>
  );
}

function FilterField({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

interface StepButtonProps {
  label: string;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}

function StepButton({ label, disabled, onClick, children }: StepButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-white text-slate-600 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-40"
    >
      {children}
    </button>
  );
}

function seasonOptions(thisYear: number, selected: number): number[] {
  const years: number[] = [];
  for (let year = thisYear + SEASONS_AHEAD; year >= thisYear - SEASONS_BACK; year -= 1) years.push(year);
  if (!years.includes(selected)) {
    years.push(selected);
    years.sort((a, b) => b - a);
  }
  return years;
}

function parseId(value: string): number | null {
  return value === "" ? null : Number(value);
}

function parseSex(value: string): AthleteFilters["sex"] {
  return value === "F" || value === "M" ? value : null;
}

function parsePapers(value: string): AthleteFilters["papers"] {
  return value === "expired" || value === "expiring" || value === "missing" ? value : "all";
}

function parseStatus(value: string): AthleteFilters["status"] {
  return value === "inactive" || value === "all" ? value : "active";
}
