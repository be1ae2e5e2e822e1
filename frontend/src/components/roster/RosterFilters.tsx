import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ClubIndex } from "../../lib/clubs";
import type { RuleIndex } from "../../lib/use-rules";
import { ladder, weightClassLabel } from "../../lib/weight-classes";
import type { AgeCategory, AthleteFilters, Sex, WeightClass } from "../../types/bridge";
import { cn } from "../ui/cn";
import { categoryLabel, useAthleteWords } from "./roster-text";

/** The seasons offered around this year; one chosen outside them is added. */
const SEASONS_BACK = 20;
const SEASONS_AHEAD = 5;
/** What Python accepts. */
const FIRST_SEASON = 1900;

interface RosterFiltersProps {
  id: string;
  /** Starts the id of each select ("roster" gives "roster-sex"), so two lists on one screen don't clash. */
  idPrefix?: string;
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

/**
 * The roster's filters, shared by the athletes page and the tournament picker: season, sex,
 * belt, age category, weight class, status, club and papers; every change applies at once.
 */
export function RosterFilters({
  id,
  idPrefix = "roster",
  open,
  filters,
  season,
  rules,
  clubs,
  onChange,
}: RosterFiltersProps) {
  const { t } = useTranslation();
  const words = useAthleteWords();
  const ids = fieldIds(idPrefix);
  const thisYear = new Date().getFullYear();
  const seasons = seasonOptions(thisYear, season);
  const categories = rules?.rules.categories ?? [];
  // A weight class the new sex or category no longer offers would hide everyone: it goes too.
  const change = (patch: Partial<AthleteFilters>) => {
    const next = { ...filters, ...patch };
    if (next.weightClassId !== null && !offered(categories, next).has(next.weightClassId)) {
      onChange({ ...patch, weightClassId: null });
    } else {
      onChange(patch);
    }
  };
  const groups = weightClassGroups(categories, filters);
  const groupLabel = ({ category, sex }: WeightClassGroup) => {
    if (category === null) return sex === null ? "" : words.sex(sex);
    if (sex === null) return categoryLabel(category);
    return t("rosterFilters.weightGroup", { category: categoryLabel(category), sex: words.sex(sex) });
  };
  return (
    <div
      id={id}
      role="group"
      aria-label={t("rosterFilters.label")}
      className={cn(
        "flex-wrap items-end gap-x-4 gap-y-3 lg:static lg:flex lg:rounded-none lg:bg-transparent lg:p-0 lg:shadow-none lg:ring-0",
        open
          ? "absolute inset-x-5 top-16 z-20 flex rounded-xl bg-white p-4 shadow-lg ring-1 ring-slate-200"
          : "hidden",
      )}
    >
      <FilterField label={t("rosterFilters.season")} htmlFor={ids.season}>
        <div className="flex items-center gap-1">
          <StepButton
            label={t("rosterFilters.previousYear")}
            disabled={season <= FIRST_SEASON}
            onClick={() => onChange({ season: season - 1 })}
          >
            <ChevronLeftIcon size={16} strokeWidth={2} />
          </StepButton>
          <select
            id={ids.season}
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
            label={t("rosterFilters.nextYear")}
            disabled={season >= thisYear + SEASONS_AHEAD}
            onClick={() => onChange({ season: season + 1 })}
          >
            <ChevronRightIcon size={16} strokeWidth={2} />
          </StepButton>
        </div>
      </FilterField>

      <FilterField label={t("rosterFilters.sex")} htmlFor={ids.sex}>
        <select
          id={ids.sex}
          value={filters.sex ?? ""}
          onChange={(event) => change({ sex: parseSex(event.target.value) })}
          className={cn(selectClass, "w-32")}
        >
          <option value="">{t("rosterFilters.all")}</option>
          <option value="F">{words.sex("F")}</option>
          <option value="M">{words.sex("M")}</option>
        </select>
      </FilterField>

      <FilterField label={t("rosterFilters.belt")} htmlFor={ids.belt}>
        <select
          id={ids.belt}
          value={filters.beltId ?? ""}
          onChange={(event) => onChange({ beltId: parseId(event.target.value) })}
          className={cn(selectClass, "w-40")}
        >
          <option value="">{t("rosterFilters.allBelts")}</option>
          {rules?.rules.belts.map((belt) => (
            <option key={belt.id} value={belt.id}>
              {belt.name}
            </option>
          ))}
        </select>
      </FilterField>

      <FilterField label={t("rosterFilters.category")} htmlFor={ids.category}>
        <select
          id={ids.category}
          value={filters.categoryId ?? ""}
          onChange={(event) => change({ categoryId: parseId(event.target.value) })}
          className={cn(selectClass, "w-56")}
        >
          <option value="">{t("rosterFilters.allAges")}</option>
          {rules?.rules.categories.map((category) => (
            <option key={category.id} value={category.id}>
              {t("rosterFilters.eligibleFor", { category: categoryLabel(category) })}
            </option>
          ))}
        </select>
      </FilterField>

      <FilterField label={t("rosterFilters.weightClass")} htmlFor={ids.weightClass}>
        <select
          id={ids.weightClass}
          value={filters.weightClassId ?? ""}
          onChange={(event) => onChange({ weightClassId: parseId(event.target.value) })}
          className={cn(selectClass, "w-40")}
        >
          <option value="">{t("rosterFilters.allWeights")}</option>
          {groups.map((group) => {
            const options = group.classes.map((weightClass) => (
              <option key={weightClass.id} value={weightClass.id}>
                {weightClassLabel(weightClass)}
              </option>
            ));
            // One category and one sex chosen: one ladder, which needs no heading.
            const key = `${group.category?.id ?? ""}-${group.sex ?? ""}`;
            return group.category === null && group.sex === null ? (
              <Fragment key={key}>{options}</Fragment>
            ) : (
              <optgroup key={key} label={groupLabel(group)}>
                {options}
              </optgroup>
            );
          })}
        </select>
      </FilterField>

      <FilterField label={t("rosterFilters.status")} htmlFor={ids.status}>
        <select
          id={ids.status}
          value={filters.status}
          onChange={(event) => onChange({ status: parseStatus(event.target.value) })}
          className={cn(selectClass, "w-32")}
        >
          <option value="active">{words.status(true)}</option>
          <option value="inactive">{words.status(false)}</option>
          <option value="all">{t("rosterFilters.all")}</option>
        </select>
      </FilterField>

      {clubs && clubs.clubs.length > 0 ? (
        <FilterField label={t("rosterFilters.club")} htmlFor={ids.club}>
          <select
            id={ids.club}
            value={filters.clubId ?? ""}
            onChange={(event) => onChange({ clubId: parseId(event.target.value) })}
            className={cn(selectClass, "w-44")}
          >
            <option value="">{t("rosterFilters.allClubs")}</option>
            {clubs.clubs.map((club) => (
              <option key={club.id} value={club.id}>
                {club.name}
              </option>
            ))}
          </select>
        </FilterField>
      ) : null}

      <FilterField label={t("rosterFilters.papers")} htmlFor={ids.papers}>
        <select
          id={ids.papers}
          value={filters.papers}
          onChange={(event) => onChange({ papers: parsePapers(event.target.value) })}
          className={cn(selectClass, "w-52")}
        >
          <option value="all">{t("rosterFilters.all")}</option>
          <option value="expired">{t("rosterFilters.papersExpired")}</option>
          <option value="expiring">{t("rosterFilters.papersExpiring")}</option>
          <option value="missing">{t("rosterFilters.papersMissing")}</option>
        </select>
      </FilterField>
    </div>
  );
}

/** The classes one option group of the weight class filter offers. */
interface WeightClassGroup {
  /** Null when a category is chosen: the group is of that category. */
  category: AgeCategory | null;
  /** Null when a sex is chosen: the group is of that sex. */
  sex: Sex | null;
  classes: WeightClass[];
}

const SEXES: readonly Sex[] = ["F", "M"];

/**
 * The weight class filter's options: the chosen category's ladder for the chosen sex (both
 * ladders, women then men, when no sex is chosen); with no category chosen, every
 * category's, youngest first, each under its name.
 */
function weightClassGroups(categories: readonly AgeCategory[], filters: AthleteFilters): WeightClassGroup[] {
  const chosen = filters.categoryId === null ? null : categories.find((c) => c.id === filters.categoryId);
  const shown = chosen === null ? categories : chosen ? [chosen] : [];
  const sexes = filters.sex === null ? SEXES : [filters.sex];
  return shown.flatMap((category) =>
    sexes.map((sex) => ({
      category: chosen ? null : category,
      sex: filters.sex === null ? sex : null,
      classes: ladder(category.weightClasses, sex),
    })),
  ).filter((group) => group.classes.length > 0);
}

/** The ids of the classes the filter offers with `filters`. */
function offered(categories: readonly AgeCategory[], filters: AthleteFilters): Set<number> {
  return new Set(weightClassGroups(categories, filters).flatMap((group) => group.classes.map((wc) => wc.id)));
}

/** Each select's id: "roster-season", "roster-sex"… */
function fieldIds(prefix: string) {
  const id = (name: string) => `${prefix}-${name}`;
  return {
    season: id("season"),
    sex: id("sex"),
    belt: id("belt"),
    category: id("category"),
    weightClass: id("weight-class"),
    status: id("status"),
    club: id("club"),
    papers: id("papers"),
  };
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
