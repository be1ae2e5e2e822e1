import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { AlertTriangleIcon, XIcon } from "lucide-react";
import type { TFunction } from "i18next";
import { memo, useCallback, useId, useMemo, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { BeltBadge } from "../../components/BeltBadge";
import { cn } from "../../components/ui/cn";
import { fieldProblems } from "../../lib/field-problems";
import { formatNumber, formatNumberForInput, parseDecimal } from "../../lib/format";
import { notifyError } from "../../lib/notify";
import type { RuleIndex } from "../../lib/use-rules";
import { ladder, weightClassLabel } from "../../lib/weight-classes";
import type { Belt, Entry, Sex, TournamentCategory, TournamentResult, WeightClass } from "../../types/bridge";
import { categoryLabel, RESULT_KEY, RESULTS, SEX_GROUP_KEY } from "./tournament-text";

/** The controls of an entry, by name: where the focus goes back to once a change is drawn. */
export type EntryControl = "category" | "weightClass" | "weighIn" | "result" | "remove";

/** What the coach can do to an entry; the same object between answers, so rows stay memoized. */
export interface EntryActions {
  category: (entry: Entry, categoryId: number | null) => void;
  weightClass: (entry: Entry, weightClassId: number | null) => void;
  /** Rejects with Python's error, for the field to show it. */
  weighIn: (entry: Entry, weighInKg: number | null) => Promise<void>;
  result: (entry: Entry, result: TournamentResult | null) => void;
  remove: (entry: Entry) => void;
}

/**
 * One line of the list: a heading of the entry sheet's groups (age category, sex, weight
 * class), an entry, or what needs attention in the entry above it.
 */
export type EntryItem =
  | { kind: "category"; key: string; category: TournamentCategory | null; count: number }
  | { kind: "sex"; key: string; sex: Sex; count: number }
  | { kind: "class"; key: string; weightClass: WeightClass | null; count: number }
  | { kind: "entry"; key: string; entry: Entry; category: TournamentCategory | undefined }
  | { kind: "conflicts"; key: string; entry: Entry };

/** Where the focus is to go once the list is drawn again. */
export interface FocusRequest {
  entryId: number;
  control: EntryControl;
}

interface EntryListProps {
  items: readonly EntryItem[];
  categories: readonly TournamentCategory[];
  rules: RuleIndex | null;
  actions: EntryActions;
  /** The page's scroll box: the list scrolls with the page, and draws only what is in view. */
  scrollerRef: RefObject<HTMLElement | null>;
  /** Taken (set to null) once that entry's control has the focus; an entry out of view is scrolled to first. */
  focusRequest: RefObject<FocusRequest | null>;
  /** Before the first day results can't be recorded: the id of the note that says so. */
  resultsClosedBy?: string;
}

/** The column layout shared by the header and every entry. */
const COLUMNS = "grid grid-cols-[minmax(12rem,1fr)_5.5rem_11rem_8rem_6rem_9rem_2.5rem] items-center gap-x-3 px-3";
const COLUMN_COUNT = 7;
const OVERSCAN = 12;
const ESTIMATES: Record<EntryItem["kind"], number> = { category: 56, sex: 36, class: 30, entry: 58, conflicts: 30 };
const selectClass =
  "block h-9 w-full rounded-lg border-0 bg-white py-1.5 pr-7 pl-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-blue-600 focus:outline-none disabled:bg-slate-50 disabled:text-slate-500";
const inputClass =
  "block h-9 w-full rounded-lg border-0 bg-white px-2 text-right text-sm text-slate-900 tabular-nums shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-blue-600 focus:outline-none aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-600";

/**
 * The entries as one ARIA table in the entry sheet's order, its group headings as rows of
 * their own. It scrolls with the page and draws only the lines in view (plus a margin),
 * placed by TanStack Virtual and measured as drawn: a tournament of a thousand entries keeps
 * a few dozen in the page, so every change, and every dialog opened over it, stays quick.
 */
export function EntryList({ items, categories, rules, actions, scrollerRef, focusRequest, resultsClosedBy }: EntryListProps) {
  const { t } = useTranslation("tournaments");
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // The line holding the focus stays drawn however far the page scrolls, so a weigh-in being
  // typed is neither lost nor left without its field.
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const focusedIndex = useMemo(
    () => (focusedKey === null ? null : items.findIndex((item) => item.key === focusedKey)),
    [items, focusedKey],
  );
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      if (focusedIndex === null || focusedIndex < 0 || focusedIndex >= range.count || shown.includes(focusedIndex)) return shown;
      return [...shown, focusedIndex].sort((a, b) => a - b);
    },
    [focusedIndex],
  );
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const line = (event.target as HTMLElement).closest<HTMLElement>("[data-key]");
    setFocusedKey(line?.dataset.key ?? null);
  };

  // Where the list starts within the page's scroll box; it moves when anything above it
  // changes size (the category limits unfolded, a longer note).
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const body = bodyRef.current;
    if (!scroller || !body) return;
    const measure = () => {
      const offset = body.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      setScrollMargin((current) => (Math.abs(current - offset) < 0.5 ? current : offset));
    };
    measure();
    const observer = new ResizeObserver(measure);
    for (const child of Array.from(scroller.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [scrollerRef]);

  // eslint-disable-next-line react-hooks/incompatible-library -- we don't compile with the React Compiler, which is what this warns about
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (index) => {
      const item = items[index];
      if (!item) return ESTIMATES.entry;
      return item.kind === "conflicts" ? 12 + 22 * item.entry.conflicts.length : ESTIMATES[item.kind];
    },
    getItemKey: (index) => items[index]?.key ?? index,
    overscan: OVERSCAN,
    rangeExtractor,
    scrollMargin,
    initialRect: { width: 0, height: 800 },
  });

  // The focus follows a changed entry: to its control if it is drawn, else the list scrolls
  // to it first and the next drawing focuses it. A coach who has moved on keeps their place.
  useLayoutEffect(() => {
    const request = focusRequest.current;
    if (request === null) return;
    const control = bodyRef.current?.querySelector<HTMLElement>(
      `[data-entry-id="${request.entryId}"] [data-control="${request.control}"]`,
    );
    const active = document.activeElement;
    const lost = active === null || active === document.body || !active.isConnected;
    if (!lost) {
      focusRequest.current = null;
      return;
    }
    if (control) {
      focusRequest.current = null;
      control.focus({ preventScroll: true });
      return;
    }
    const index = items.findIndex((item) => item.kind === "entry" && item.entry.id === request.entryId);
    if (index < 0) focusRequest.current = null;
    else virtualizer.scrollToIndex(index, { align: "center" });
  });

  return (
    <div role="table" aria-label={t("entries.title")} aria-rowcount={items.length + 1} className="text-sm">
      <div role="rowgroup" className="sticky top-0 z-10 bg-white">
        <div
          role="row"
          aria-rowindex={1}
          className={cn(COLUMNS, "h-9 border-b border-slate-200 text-xs font-semibold tracking-wide text-slate-600 uppercase")}
        >
          <div role="columnheader">{t("entries.columns.athlete")}</div>
          <div role="columnheader" className="text-right">
            {t("entries.columns.weight")}
          </div>
          <div role="columnheader">{t("entries.columns.category")}</div>
          <div role="columnheader">{t("entries.columns.weightClass")}</div>
          <div role="columnheader">{t("entries.columns.weighIn")}</div>
          <div role="columnheader">{t("entries.columns.result")}</div>
          <div role="columnheader">
            <span className="sr-only">{t("entries.columns.remove")}</span>
          </div>
        </div>
      </div>
      <div
        ref={bodyRef}
        role="rowgroup"
        onFocus={onFocus}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setFocusedKey(null);
        }}
        className="relative"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = items[virtual.index];
          if (!item) return null;
          return (
            <div
              key={virtual.key}
              ref={virtualizer.measureElement}
              data-index={virtual.index}
              data-key={item.key}
              className="absolute inset-x-0 top-0"
              style={{ transform: `translateY(${virtual.start - scrollMargin}px)` }}
            >
              <Line
                item={item}
                rowIndex={virtual.index + 2}
                categories={categories}
                belt={item.kind === "entry" && item.entry.beltId !== null ? rules?.beltById.get(item.entry.beltId) : undefined}
                actions={actions}
                resultsClosedBy={resultsClosedBy}
                t={t}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface LineProps {
  item: EntryItem;
  rowIndex: number;
  categories: readonly TournamentCategory[];
  belt: Belt | undefined;
  actions: EntryActions;
  resultsClosedBy: string | undefined;
  t: TFunction<"tournaments">;
}

/** One line; memoized, so a change redraws the lines it changed, and scrolling only the new ones. */
const Line = memo(function Line({ item, rowIndex, categories, belt, actions, resultsClosedBy, t }: LineProps) {
  switch (item.kind) {
    case "category":
      return (
        <Heading rowIndex={rowIndex} className="pt-6 pb-2">
          <h3 className="text-base font-semibold text-slate-900">
            {item.category ? categoryLabel(item.category) : t("entries.noCategory")}{" "}
            <span className="font-normal text-slate-500">{t("entries.count", { count: item.count })}</span>
          </h3>
        </Heading>
      );
    case "sex":
      return (
        <Heading rowIndex={rowIndex} className="pt-2 pb-1.5">
          <h4 className="text-sm font-semibold text-slate-800">
            {t(SEX_GROUP_KEY[item.sex])} <span className="font-normal text-slate-500">{t("entries.count", { count: item.count })}</span>
          </h4>
        </Heading>
      );
    case "class":
      return (
        <Heading rowIndex={rowIndex} className="bg-slate-50 py-1.5 text-xs font-semibold text-slate-700">
          {item.weightClass ? weightClassLabel(item.weightClass) : t("entries.noWeightClass")}{" "}
          <span className="font-normal text-slate-500">{t("entries.count", { count: item.count })}</span>
        </Heading>
      );
    case "entry":
      return (
        <EntryRow
          entry={item.entry}
          rowIndex={rowIndex}
          category={item.category}
          categories={categories}
          belt={belt}
          actions={actions}
          resultsClosedBy={resultsClosedBy}
          t={t}
        />
      );
    case "conflicts":
      return <Conflicts entry={item.entry} rowIndex={rowIndex} t={t} />;
  }
});

function Heading({ rowIndex, className, children }: { rowIndex: number; className: string; children: ReactNode }) {
  return (
    <div role="row" aria-rowindex={rowIndex}>
      <div role="cell" aria-colspan={COLUMN_COUNT} className={cn("px-3", className)}>
        {children}
      </div>
    </div>
  );
}

/** The id of the list of what needs attention in an entry, which its controls are described by. */
function conflictsId(entry: Entry): string {
  return `entry-${entry.id}-conflicts`;
}

interface EntryRowProps {
  entry: Entry;
  rowIndex: number;
  category: TournamentCategory | undefined;
  categories: readonly TournamentCategory[];
  belt: Belt | undefined;
  actions: EntryActions;
  resultsClosedBy: string | undefined;
  t: TFunction<"tournaments">;
}

function EntryRow({ entry, rowIndex, category, categories, belt, actions, resultsClosedBy, t }: EntryRowProps) {
  const attention = entry.conflicts.length > 0;
  const describedBy = attention ? conflictsId(entry) : undefined;
  const name = entry.fullName;
  const classes = category ? ladder(category.weightClasses, entry.sex) : [];
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-entry-id={entry.id}
      className={cn(
        COLUMNS,
        "min-h-14 border-t border-l-4 border-t-slate-100 py-2 pl-2",
        attention ? "border-l-amber-500 bg-amber-50/60" : "border-l-transparent",
      )}
    >
      <div role="cell" className="flex min-w-0 items-start gap-2">
        {attention ? <AlertTriangleIcon aria-hidden="true" size={16} className="mt-0.5 shrink-0 text-amber-700" /> : null}
        <div className="min-w-0">
          <span data-athlete-name className="block truncate font-medium text-slate-900">
            {name}
          </span>{" "}
          <span className="mt-0.5 flex min-w-0 items-center gap-2 text-xs text-slate-500">
            <BeltBadge belt={belt} className="shrink-0" />{" "}
            <span className="truncate">
              {entry.memberId ? `${entry.memberId} · ` : ""}
              {t("entries.born", { year: entry.birthYear, age: entry.age })}
            </span>
          </span>
          {attention ? <span className="sr-only">{t("entries.needsAttention")}</span> : null}
        </div>
      </div>
      <div role="cell" className="text-right tabular-nums">
        {entry.weightKg === null ? (
          <span className="text-amber-800">{t("entries.noWeight")}</span>
        ) : (
          <>
            <span className="block">{t("entries.kg", { weight: formatNumber(entry.weightKg, 1) })}</span>
            <span className="block text-xs text-slate-500">
              {entry.weighInKg === null ? t("entries.fromRoster") : t("entries.fromWeighIn")}
            </span>
          </>
        )}
      </div>
      <div role="cell">
        <select
          data-control="category"
          aria-label={t("entries.categoryFor", { name })}
          aria-describedby={describedBy}
          value={entry.categoryId ?? ""}
          onChange={(event) => actions.category(entry, event.target.value === "" ? null : Number(event.target.value))}
          className={selectClass}
        >
          <option value="">{t("entries.noCategory")}</option>
          {categories.map((option) => (
            <option key={option.id} value={option.id}>
              {entry.eligibleCategoryIds.includes(option.id) ? categoryLabel(option) : t("entries.categoryAgeDoesntFit", { category: categoryLabel(option) })}
            </option>
          ))}
          {/* A category that isn't among the copied ones (odd data) still shows as chosen. */}
          {entry.categoryId !== null && !category ? <option value={entry.categoryId}>{t("entries.unknownCategory")}</option> : null}
        </select>
      </div>
      <div role="cell">
        <select
          data-control="weightClass"
          aria-label={t("entries.weightClassFor", { name })}
          aria-describedby={describedBy}
          value={entry.weightClassId ?? ""}
          disabled={!category}
          onChange={(event) => actions.weightClass(entry, event.target.value === "" ? null : Number(event.target.value))}
          className={selectClass}
        >
          <option value="">{t("entries.noWeightClass")}</option>
          {classes.map((weightClass) => (
            <option key={weightClass.id} value={weightClass.id}>
              {weightClassLabel(weightClass)}
            </option>
          ))}
          {entry.weightClassId !== null && !classes.some((weightClass) => weightClass.id === entry.weightClassId) ? (
            <option value={entry.weightClassId}>{t("entries.unknownWeightClass")}</option>
          ) : null}
        </select>
      </div>
      <div role="cell">
        <WeighIn
          entry={entry}
          describedBy={describedBy}
          onCommit={(kg) => actions.weighIn(entry, kg)}
          t={t}
        />
      </div>
      <div role="cell">
        <select
          data-control="result"
          aria-label={t("entries.resultFor", { name })}
          aria-describedby={resultsClosedBy}
          // A result already recorded (odd, before the first day) can still be cleared.
          disabled={resultsClosedBy !== undefined && entry.result === null}
          value={entry.result ?? ""}
          onChange={(event) => actions.result(entry, parseResult(event.target.value))}
          className={selectClass}
        >
          <option value="">{t("results.none")}</option>
          {RESULTS.map((result) => (
            <option key={result} value={result}>
              {t(RESULT_KEY[result])}
            </option>
          ))}
        </select>
      </div>
      <div role="cell" className="text-right">
        <button
          type="button"
          data-control="remove"
          aria-label={t("entries.remove", { name })}
          title={t("entries.remove", { name })}
          onClick={() => actions.remove(entry)}
          className="inline-flex size-8 items-center justify-center rounded-lg text-slate-500 hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600"
        >
          <XIcon aria-hidden="true" size={16} />
        </button>
      </div>
    </div>
  );
}

/** What needs attention in the entry above, in Python's words: a sign and a sentence each. */
function Conflicts({ entry, rowIndex, t }: { entry: Entry; rowIndex: number; t: TFunction<"tournaments"> }) {
  return (
    <div role="row" aria-rowindex={rowIndex} className="border-l-4 border-l-amber-500 bg-amber-50/60">
      <div role="cell" aria-colspan={COLUMN_COUNT} className="pr-3 pb-2.5 pl-8">
        <ul id={conflictsId(entry)} aria-label={t("entries.conflictsOf", { name: entry.fullName })} className="space-y-0.5 text-amber-900">
          {entry.conflicts.map((conflict) => (
            <li key={conflict.code} data-conflict={conflict.code} className="flex items-start gap-1.5">
              <AlertTriangleIcon aria-hidden="true" size={14} className="mt-0.5 shrink-0" />
              {conflict.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

interface WeighInProps {
  entry: Entry;
  describedBy: string | undefined;
  onCommit: (weighInKg: number | null) => Promise<void>;
  t: TFunction<"tournaments">;
}

/**
 * The weight on the day, for this tournament only: saved when the coach leaves the field or
 * presses Enter; Escape puts back what is saved. Empty goes back to the roster's weight.
 */
function WeighIn({ entry, describedBy, onCommit, t }: WeighInProps) {
  const saved = entry.weighInKg === null ? "" : formatNumberForInput(entry.weighInKg);
  const [text, setText] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  // A new answer (this field saved, or a restore) starts the field again from what is saved,
  // keeping the field itself, and its focus.
  const [lastSaved, setLastSaved] = useState(saved);
  if (saved !== lastSaved) {
    setLastSaved(saved);
    setText(saved);
    setError(null);
  }

  const commit = () => {
    if (text.trim() === saved) {
      setError(null);
      return;
    }
    const kg = text.trim() === "" ? null : parseDecimal(text);
    if (kg === null && text.trim() !== "") {
      setError(t("entries.weighInProblem", { example: formatNumberForInput(63.5) }));
      return;
    }
    setError(null);
    onCommit(kg).catch((err: unknown) => {
      const problem = fieldProblems(err)?.fields.weighInKg;
      if (problem) setError(problem);
      else notifyError(err, t("entries.changeFailed", { name: entry.fullName }));
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    } else if (event.key === "Escape" && text !== saved) {
      event.preventDefault();
      setText(saved);
      setError(null);
    }
  };

  return (
    <div>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        data-control="weighIn"
        aria-label={t("entries.weighInFor", { name: entry.fullName })}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? errorId : null, describedBy].filter(Boolean).join(" ") || undefined}
        placeholder={t("entries.weighInPlaceholder")}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        onBlur={commit}
        onKeyDown={onKeyDown}
        className={inputClass}
      />
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function parseResult(value: string): TournamentResult | null {
  return (RESULTS as readonly string[]).includes(value) ? (value as TournamentResult) : null;
}
