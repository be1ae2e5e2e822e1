import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { CheckIcon, FilterIcon, SearchIcon } from "lucide-react";
import type { TFunction } from "i18next";
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { Avatar } from "../../components/Avatar";
import { BeltBadge } from "../../components/BeltBadge";
import { RosterFilters } from "../../components/roster/RosterFilters";
import { useAthleteWords, type AthleteWords } from "../../components/roster/roster-text";
import { Button } from "../../components/ui/Button";
import { cn } from "../../components/ui/cn";
import { Dialog, DialogFooter } from "../../components/ui/Dialog";
import { useClubIndex, type ClubIndex } from "../../lib/clubs";
import { formatNumber } from "../../lib/format";
import { DEFAULT_FILTERS } from "../../lib/roster-filters";
import { notifyError } from "../../lib/notify";
import { useRuleIndex, type RuleIndex } from "../../lib/use-rules";
import { weightClassLabel } from "../../lib/weight-classes";
import type { AgeCategory, AthleteFilters, AthleteRow, Belt, WeightClass } from "../../types/bridge";
import { useRoster } from "../../lib/use-roster";

/** Every option is exactly this tall, which is what lets the list draw only what is in view. */
const ROW_HEIGHT = 52;
const OVERSCAN = 8;
/** How far Page Up / Page Down move. */
const PAGE = 8;
/** Python refuses longer searches; no name is that long. */
const MAX_SEARCH_LENGTH = 100;
const LIST_ID = "picker-list";
const FILTERS_ID = "picker-filters";
/** Starts the ids of the filters' selects ("picker-sex"): the roster's own are on the page behind. */
const FILTER_IDS = "picker";

interface AthletePickerProps {
  tournamentName: string;
  /** The tournament's age year: the roster's season, so ages and categories are the tournament's. */
  season: number;
  /** The athletes already entered: marked, and not to be picked again. */
  entered: ReadonlySet<number>;
  /** Adds the picked athletes; the picker stays open (and says why) if it fails. */
  onAdd: (athleteIds: number[]) => Promise<void>;
  onClose: () => void;
}

/**
 * "Add athletes": the roster's search and filters over a list to pick many from at once, by
 * mouse or keyboard. The list is one listbox (arrow keys move, Space picks, Ctrl/Cmd+A picks
 * every athlete shown, Enter adds) that draws only the rows in view, so 5,000 athletes filter
 * as fast as 50.
 */
export function AthletePicker({ tournamentName, season, entered, onAdd, onClose }: AthletePickerProps) {
  const { t } = useTranslation("tournaments");
  const words = useAthleteWords();
  const rules = useRuleIndex();
  const clubs = useClubIndex();
  const [filters, setFilters] = useState<AthleteFilters>(() => ({ ...DEFAULT_FILTERS, season }));
  const { list, busy, error, reload } = useRoster(filters);
  const rows = useMemo(() => list?.rows ?? [], [list]);
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  // The keyboard's place, for the rows it was set on: new rows (another filter) start at the
  // first, with no extra render to put it back.
  const [cursor, setCursor] = useState<{ rows: readonly AthleteRow[]; index: number }>({ rows: [], index: 0 });
  const active = cursor.rows === rows ? cursor.index : 0;
  const [adding, setAdding] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // The keyboard's row stays drawn when the wheel scrolls it away: the listbox names it as
  // its active option, which must be there to be read out.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      return active >= range.count || shown.includes(active) ? shown : [...shown, active].sort((a, b) => a - b);
    },
    [active],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- we don't compile with the React Compiler, which is what this warns about
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    rangeExtractor,
    initialRect: { width: 0, height: 480 },
  });

  // New rows (another filter): back to the top, before they are painted.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && list.scrollTop !== 0) list.scrollTop = 0;
  }, [rows]);

  const change = useCallback((patch: Partial<AthleteFilters>) => setFilters((current) => ({ ...current, ...patch })), []);

  const pickable = useCallback((row: AthleteRow | undefined) => row !== undefined && !entered.has(row.id), [entered]);

  const toggle = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!pickable(row)) return;
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(row.id)) next.delete(row.id);
        else next.add(row.id);
        return next;
      });
    },
    [rows, pickable],
  );

  /** Every athlete shown is picked; if they all were already, none of them is. */
  const toggleAllShown = () => {
    const shown = rows.filter(pickable).map((row) => row.id);
    setSelected((current) => {
      const next = new Set(current);
      const all = shown.every((id) => next.has(id));
      for (const id of shown) {
        if (all) next.delete(id);
        else next.add(id);
      }
      return next;
    });
  };

  const moveTo = (index: number, extend: boolean) => {
    if (rows.length === 0) return;
    const target = Math.max(0, Math.min(rows.length - 1, index));
    setCursor({ rows, index: target });
    virtualizer.scrollToIndex(target, { align: "auto" });
    // Shift with an arrow picks as it goes, as in a file list.
    const row = rows[target];
    if (extend && pickable(row)) setSelected((current) => new Set(current).add(row.id));
  };

  const add = async () => {
    if (selected.size === 0 || adding) return;
    setAdding(true);
    try {
      await onAdd([...selected]);
    } catch (err) {
      notifyError(err, t("picker.addFailed"));
      setAdding(false);
    }
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const command = event.ctrlKey || event.metaKey;
    if (command && event.key.toLowerCase() === "a") {
      event.preventDefault();
      toggleAllShown();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      moveTo(active + (event.key === "ArrowDown" ? 1 : -1), event.shiftKey);
    } else if (event.key === "PageDown" || event.key === "PageUp") {
      event.preventDefault();
      moveTo(active + (event.key === "PageDown" ? PAGE : -PAGE), false);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      moveTo(event.key === "Home" ? 0 : rows.length - 1, false);
    } else if (event.key === " ") {
      event.preventDefault();
      toggle(active);
    } else if (event.key === "Enter") {
      event.preventDefault();
      void add();
    }
  };

  const onRowClick = useCallback(
    (index: number) => {
      setCursor({ rows, index });
      toggle(index);
      listRef.current?.focus({ preventScroll: true });
    },
    [rows, toggle],
  );

  // Stable for the filter bar, which is memoized: an answer redraws the list, not the filters.
  const addRef = useRef(add);
  addRef.current = add;
  const onSearchKeyDown = useCallback((event: KeyboardEvent<HTMLInputElement>) => {
    // From the search, Down goes into the list; Enter adds what is picked.
    if (event.key === "ArrowDown") {
      event.preventDefault();
      listRef.current?.focus();
    } else if (event.key === "Enter") {
      event.preventDefault();
      void addRef.current();
    }
  }, []);

  const activeRow = rows[active];
  const shownIds = useMemo(() => new Set(rows.map((row) => row.id)), [rows]);
  let hiddenPicks = 0;
  for (const id of selected) if (!shownIds.has(id)) hiddenPicks += 1;

  return (
    <Dialog
      title={t("picker.title", { name: tournamentName })}
      description={t("picker.description", { year: season })}
      width="xl"
      busy={adding}
      onClose={onClose}
      initialFocus={searchRef}
    >
      <div className="relative space-y-3 px-7 pt-5">
        <FilterBar
          filters={filters}
          season={season}
          rules={rules}
          clubs={clubs}
          searchRef={searchRef}
          onChange={change}
          onSearchKeyDown={onSearchKeyDown}
        />
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <p role="status" data-testid="picker-count" className="text-slate-600">
            {list === null ? (busy ? t("picker.loading") : "") : t("picker.shown", { shown: rows.length, total: list.total })}
          </p>
          <p id="picker-keys" className="text-xs text-slate-500">
            {t("picker.keys")}
          </p>
        </div>
        {error ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-700">
            {t("picker.loadFailed", { error })}
            <Button variant="secondary" size="sm" onClick={reload}>
              {t("picker.tryAgain")}
            </Button>
          </div>
        ) : null}

        <div
          ref={listRef}
          id={LIST_ID}
          role="listbox"
          aria-multiselectable="true"
          aria-label={t("picker.listLabel")}
          aria-describedby="picker-keys"
          aria-busy={busy}
          aria-activedescendant={activeRow ? optionId(activeRow.id) : undefined}
          tabIndex={0}
          onKeyDown={onListKeyDown}
          className="group relative h-[min(28rem,calc(100vh-32rem))] min-h-40 overflow-y-auto rounded-xl bg-white ring-1 ring-slate-200 outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
        >
          {list !== null && rows.length === 0 ? (
            <p className="px-4 py-8 text-center text-sm text-slate-600">{t("picker.noMatch")}</p>
          ) : null}
          <div className="relative" style={{ height: rows.length * ROW_HEIGHT }}>
            {virtualizer.getVirtualItems().map(({ index }) => {
              const row = rows[index];
              if (!row) return null;
              return (
                <PickerRow
                  key={row.id}
                  row={row}
                  index={index}
                  active={index === active}
                  picked={selected.has(row.id)}
                  entered={entered.has(row.id)}
                  belt={row.beltId === null ? undefined : rules?.beltById.get(row.beltId)}
                  category={row.categoryId === null ? undefined : rules?.categoryById.get(row.categoryId)}
                  weightClass={row.weightClassId === null ? undefined : rules?.weightClassById.get(row.weightClassId)}
                  onClick={onRowClick}
                  t={t}
                  words={words}
                />
              );
            })}
          </div>
        </div>
      </div>
      <DialogFooter>
        <p role="status" data-testid="picker-selected" className="mr-auto self-center text-sm font-medium text-slate-700">
          {t("picker.selected", { count: selected.size })}
          {hiddenPicks > 0 ? <span className="font-normal text-slate-500"> {t("picker.selectedHidden", { count: hiddenPicks })}</span> : null}
        </p>
        <Button variant="secondary" disabled={adding} onClick={onClose}>
          {t("picker.cancel")}
        </Button>
        <Button busy={adding} disabled={selected.size === 0} onClick={() => void add()}>
          {t("picker.add", { count: selected.size })}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}

interface FilterBarProps {
  filters: AthleteFilters;
  /** The tournament's age year. */
  season: number;
  rules: RuleIndex | null;
  clubs: ClubIndex | null;
  searchRef: RefObject<HTMLInputElement | null>;
  onChange: (patch: Partial<AthleteFilters>) => void;
  onSearchKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/** The search and the roster's filters; memoized, so the list's answers don't redraw them. */
const FilterBar = memo(function FilterBar({ filters, season, rules, clubs, searchRef, onChange, onSearchKeyDown }: FilterBarProps) {
  const { t } = useTranslation("tournaments");
  // Below 1024 px the filters fold behind one button, as on the roster.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const shownSeason = filters.season ?? season;
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <div className="relative w-full max-w-sm min-w-40 flex-1">
          <label htmlFor="picker-search" className="sr-only">
            {t("picker.searchLabel")}
          </label>
          <SearchIcon aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
          <input
            ref={searchRef}
            id="picker-search"
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder={t("picker.searchPlaceholder")}
            maxLength={MAX_SEARCH_LENGTH}
            aria-controls={LIST_ID}
            value={filters.search}
            onChange={(event) => onChange({ search: event.target.value })}
            onKeyDown={onSearchKeyDown}
            className="block w-full rounded-lg border-0 bg-white py-2 pr-3 pl-9 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-blue-600 focus:outline-none"
          />
        </div>
        <Button
          variant="secondary"
          aria-expanded={filtersOpen}
          aria-controls={FILTERS_ID}
          icon={<FilterIcon size={16} strokeWidth={2} />}
          onClick={() => setFiltersOpen((open) => !open)}
          className="shrink-0 lg:hidden"
        >
          {t("picker.filters")}
        </Button>
      </div>
      <RosterFilters
        id={FILTERS_ID}
        idPrefix={FILTER_IDS}
        open={filtersOpen}
        filters={filters}
        season={shownSeason}
        rules={rules}
        clubs={clubs}
        onChange={onChange}
      />
      {shownSeason !== season ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-amber-900">
          {t("picker.otherSeason", { shown: shownSeason, year: season })}
          <Button variant="secondary" size="sm" onClick={() => onChange({ season })}>
            {t("picker.backToYear", { year: season })}
          </Button>
        </p>
      ) : null}
    </>
  );
});

function optionId(athleteId: number): string {
  return `picker-athlete-${athleteId}`;
}

interface PickerRowProps {
  row: AthleteRow;
  index: number;
  /** Where the keyboard is (the listbox's active option). */
  active: boolean;
  picked: boolean;
  entered: boolean;
  belt: Belt | undefined;
  category: AgeCategory | undefined;
  weightClass: WeightClass | undefined;
  onClick: (index: number) => void;
  t: TFunction<"tournaments">;
  words: AthleteWords;
}

/** One athlete; memoized, so a pick or a move redraws two rows, not the list. */
const PickerRow = memo(function PickerRow({
  row,
  index,
  active,
  picked,
  entered,
  belt,
  category,
  weightClass,
  onClick,
  t,
  words,
}: PickerRowProps) {
  return (
    <div
      id={optionId(row.id)}
      role="option"
      aria-selected={picked}
      aria-disabled={entered || undefined}
      data-athlete-id={row.id}
      onClick={() => onClick(index)}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
      className={cn(
        "absolute inset-x-0 flex items-center gap-3 border-b border-slate-100 px-4 text-sm",
        entered ? "cursor-default bg-slate-50 text-slate-500" : "cursor-pointer hover:bg-blue-50/60",
        picked && "bg-blue-50",
        // The keyboard's place, while the list has the focus: an outline, drawn inside so the
        // next row doesn't cover it.
        active && "group-focus:outline-2 group-focus:-outline-offset-2 group-focus:outline-blue-600",
      )}
    >
      <span
        aria-hidden="true"
        className={cn(
          "flex size-5 shrink-0 items-center justify-center rounded ring-1 ring-inset",
          entered ? "bg-slate-200 ring-slate-300" : picked ? "bg-blue-700 text-white ring-blue-700" : "bg-white ring-slate-400",
        )}
      >
        {picked || entered ? <CheckIcon size={14} strokeWidth={3} /> : null}
      </span>
      <Avatar mediaId={row.photoId} name={row.fullName} className="size-8 text-[0.625rem]" />
      <span className="flex min-w-0 flex-1 flex-col">
        <span className="truncate font-medium text-slate-900">{row.fullName}</span>{" "}
        <span className="truncate text-xs text-slate-600">
          {row.memberId ? `${row.memberId} · ` : ""}
          {t("picker.born", { year: row.birthYear, age: row.age, sex: words.sex(row.sex) })}
        </span>
      </span>
      {entered ? (
        <span className="shrink-0 rounded-md bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">{t("picker.entered")}</span>
      ) : null}
      {row.active ? null : (
        <span className="shrink-0 rounded-md bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">{words.status(false)}</span>
      )}
      <span className="hidden w-28 shrink-0 sm:block">
        <BeltBadge belt={belt} />
      </span>
      <span className="w-20 shrink-0 text-right tabular-nums">
        {row.weightKg === null ? "—" : t("entries.kg", { weight: formatNumber(row.weightKg, 1) })}
      </span>
      <span className="hidden w-40 shrink-0 truncate md:block">
        {category ? (
          <>
            <span className="font-semibold">{category.code}</span> {weightClass ? weightClassLabel(weightClass) : null}
          </>
        ) : (
          <span className="text-slate-500">—</span>
        )}
      </span>
    </div>
  );
});
