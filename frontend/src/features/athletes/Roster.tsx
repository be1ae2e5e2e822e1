import { FilterIcon, PlusIcon, SearchIcon, UsersIcon } from "lucide-react";
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { Trans, useTranslation } from "react-i18next";
import { RosterFilters } from "../../components/roster/RosterFilters";
import { Button } from "../../components/ui/Button";
import { useClubIndex } from "../../lib/clubs";
import { publish } from "../../lib/data-events";
import { useRuleIndex } from "../../lib/use-rules";
import type { Athlete, AthleteFilters } from "../../types/bridge";
import { AthleteFormDialog } from "./AthleteFormDialog";
import { RosterTable } from "./RosterTable";
import { DEFAULT_FILTERS } from "../../lib/roster-filters";
import { clearFilters, openAthlete, rosterMemory, setAdding, setFilters, useRosterState } from "./roster-store";
import { useRoster } from "../../lib/use-roster";

/**
 * The list of every athlete, with search, filters, sorting and "Add athlete"; `importAction`
 * (a button another feature draws) sits beside it, and on the "No athletes yet" screen too,
 * where a club with a spreadsheet starts.
 */
export function Roster({ importAction }: { importAction?: ReactNode }) {
  const { t } = useTranslation("athletes");
  const { filters, adding } = useRosterState();
  const rules = useRuleIndex();
  const clubs = useClubIndex();
  const { list, busy, error, reload } = useRoster(filters, rosterMemory);
  // Below 1024 px the filters fold behind one button; at full width this is ignored.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersButtonRef = useRef<HTMLButtonElement>(null);
  // Escape folds them again, wherever the focus is, and the keyboard carries on from the button.
  useEffect(() => {
    if (!filtersOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      setFiltersOpen(false);
      filtersButtonRef.current?.focus();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [filtersOpen]);

  // A belt, category or weight class filter whose rule was deleted (or replaced by a
  // restore) would otherwise hide everyone, or be refused by Python.
  useEffect(() => {
    if (!rules) return;
    const { beltId, categoryId, weightClassId } = filters;
    const patch: Partial<AthleteFilters> = {};
    if (beltId !== null && !rules.beltById.has(beltId)) patch.beltId = null;
    if (categoryId !== null && !rules.categoryById.has(categoryId)) patch.categoryId = null;
    if (weightClassId !== null && !rules.weightClassById.has(weightClassId)) patch.weightClassId = null;
    if (Object.keys(patch).length > 0) setFilters(patch);
  }, [rules, filters]);

  // The same for a club filter whose club was deleted.
  const clubFilter = filters.clubId;
  useEffect(() => {
    if (clubs && clubFilter !== null && !clubs.clubById.has(clubFilter)) setFilters({ clubId: null });
  }, [clubs, clubFilter]);

  const onSort = useCallback(
    (sort: AthleteFilters["sort"]) =>
      setFilters({ sort, descending: sort === filters.sort ? !filters.descending : false }),
    [filters.sort, filters.descending],
  );

  const onAdded = (athlete: Athlete) => {
    setAdding(false);
    publish("athletes-changed");
    openAthlete(athlete.id);
  };

  const season = filters.season ?? list?.season ?? new Date().getFullYear();
  const emptyClub = list !== null && list.total === 0;
  const rows = list?.rows ?? [];

  return (
    <section
      aria-label={t("roster.label")}
      aria-busy={busy}
      className="relative flex min-h-0 flex-1 flex-col gap-3 px-5 py-4 lg:gap-4 lg:px-10 lg:py-6"
    >
      {list === null ? null : emptyClub ? (
        <NoAthletesYet onAdd={() => setAdding(true)} importAction={importAction} />
      ) : (
        <>
          <div className="flex items-center gap-3">
            <SearchBox value={filters.search} onChange={(search) => setFilters({ search })} />
            <FiltersButton
              ref={filtersButtonRef}
              count={filtersSet(filters, new Date().getFullYear())}
              open={filtersOpen}
              onToggle={() => setFiltersOpen((open) => !open)}
            />
            <div className="ml-auto flex shrink-0 items-center gap-3">
              {importAction}
              <Button icon={<PlusIcon size={16} strokeWidth={2.2} />} onClick={() => setAdding(true)}>
                {t("addAthlete")}
              </Button>
            </div>
          </div>
          <RosterFilters
            id={FILTERS_ID}
            open={filtersOpen}
            filters={filters}
            season={season}
            rules={rules}
            clubs={clubs}
            onChange={setFilters}
          />
        </>
      )}

      <div className="flex flex-wrap items-center gap-3 text-sm">
        {/* Always "athletes", even of 1: tests and benchmarks wait on this exact text. Only
            hidden from sight when "No athletes yet" says it all. */}
        <p role="status" data-testid="roster-count" className={emptyClub ? "sr-only" : "text-slate-600"}>
          {list === null
            ? busy
              ? t("roster.loading")
              : ""
            : t("roster.count", { shown: rows.length, total: list.total })}
        </p>
        {error ? (
          <>
            <p role="alert" className="text-red-700">
              {t("roster.loadFailed", { error })}
            </p>
            <Button variant="secondary" size="sm" onClick={reload}>
              {t("roster.tryAgain")}
            </Button>
          </>
        ) : null}
      </div>

      {list === null || emptyClub ? null : (
        <div className="flex min-h-0 flex-1 flex-col rounded-2xl border border-slate-200 bg-white shadow-sm">
          <RosterTable
            rows={rows}
            rules={rules}
            busy={busy}
            sort={filters.sort}
            descending={filters.descending}
            onSort={onSort}
            onOpen={openAthlete}
            resetKey={filters}
          />
          {list !== null && rows.length === 0 ? (
            <NoMatch filters={filters} total={list.total} />
          ) : null}
        </div>
      )}

      {adding ? <AthleteFormDialog onSaved={onAdded} onClose={() => setAdding(false)} /> : null}
    </section>
  );
}

const FILTERS_ID = "roster-filters";

/** How many filters differ from the defaults (a season other than this year counts). */
function filtersSet(filters: AthleteFilters, thisYear: number): number {
  return [
    filters.season !== null && filters.season !== thisYear,
    filters.sex !== null,
    filters.beltId !== null,
    filters.categoryId !== null,
    filters.weightClassId !== null,
    filters.clubId !== null,
    filters.papers !== DEFAULT_FILTERS.papers,
    filters.status !== DEFAULT_FILTERS.status,
  ].filter(Boolean).length;
}

interface FiltersButtonProps {
  ref: RefObject<HTMLButtonElement | null>;
  count: number;
  open: boolean;
  onToggle: () => void;
}

/** Only below 1024 px: opens the folded filters, and says how many are set. */
function FiltersButton({ ref, count, open, onToggle }: FiltersButtonProps) {
  const { t } = useTranslation("athletes");
  return (
    <Button
      ref={ref}
      variant="secondary"
      aria-expanded={open}
      aria-controls={FILTERS_ID}
      icon={<FilterIcon size={16} strokeWidth={2} />}
      onClick={onToggle}
      className="shrink-0 lg:hidden"
    >
      {t("roster.filters")}
      {count > 0 ? (
        <span className="ml-1 rounded-full bg-blue-700 px-1.5 text-xs leading-5 font-semibold text-white tabular-nums">
          <Trans t={t} i18nKey="roster.filtersSet" values={{ count }} components={{ hidden: <span className="sr-only" /> }} />
        </span>
      ) : null}
    </Button>
  );
}

/** Python refuses longer searches; no name is that long. */
const MAX_SEARCH_LENGTH = 100;

function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation("athletes");
  return (
    <div className="relative w-full min-w-32 max-w-sm">
      <label htmlFor="roster-search" className="sr-only">
        {t("roster.searchLabel")}
      </label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
      <input
        id="roster-search"
        type="search"
        autoComplete="off"
        spellCheck={false}
        placeholder={t("roster.searchPlaceholder")}
        maxLength={MAX_SEARCH_LENGTH}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="block w-full rounded-lg border-0 bg-white py-2 pr-3 pl-9 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-blue-600 focus:outline-none"
      />
    </div>
  );
}

function NoAthletesYet({ onAdd, importAction }: { onAdd: () => void; importAction?: ReactNode }) {
  const { t } = useTranslation("athletes");
  return (
    <div className="rounded-2xl border border-slate-200 bg-white px-6 py-12 text-center shadow-sm">
      <span
        aria-hidden="true"
        className="mx-auto flex size-14 items-center justify-center rounded-2xl bg-blue-50 text-blue-700"
      >
        <UsersIcon className="size-7" />
      </span>
      <h2 className="mt-4 text-lg font-semibold text-slate-900">{t("roster.empty.title")}</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
        {t("roster.empty.text")}
      </p>
      <div className="mt-5 flex flex-wrap items-center justify-center gap-3">
        <Button icon={<PlusIcon size={16} strokeWidth={2.2} />} onClick={onAdd}>
          {t("addAthlete")}
        </Button>
        {importAction}
      </div>
    </div>
  );
}

function NoMatch({ filters, total }: { filters: AthleteFilters; total: number }) {
  const { t } = useTranslation("athletes");
  // With the default filters, only the status can hide everyone: all are inactive.
  const onlyStatus =
    filters.search === DEFAULT_FILTERS.search &&
    filters.sex === null &&
    filters.beltId === null &&
    filters.categoryId === null &&
    filters.weightClassId === null &&
    filters.clubId === null &&
    filters.papers === DEFAULT_FILTERS.papers &&
    filters.status === DEFAULT_FILTERS.status;
  return (
    <div className="border-t border-slate-100 px-6 py-10 text-center">
      <h2 className="text-base font-semibold text-slate-900">{t("roster.noMatch.title")}</h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
        {onlyStatus ? t("roster.noMatch.noneActive", { total }) : t("roster.noMatch.noneFit")}
      </p>
      <Button
        variant="secondary"
        className="mt-4"
        onClick={onlyStatus ? () => setFilters({ status: "all" }) : clearFilters}
      >
        {onlyStatus ? t("roster.noMatch.showAll") : t("roster.noMatch.clear")}
      </Button>
    </div>
  );
}
