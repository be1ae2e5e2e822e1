import { AlertTriangleIcon, XIcon } from "lucide-react";
import type { TFunction } from "i18next";
import { memo, useId, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { BeltBadge } from "../../components/BeltBadge";
import { cn } from "../../components/ui/cn";
import { fieldProblems } from "../../lib/field-problems";
import { formatNumber, formatNumberForInput, parseDecimal } from "../../lib/format";
import { notifyError } from "../../lib/notify";
import type { RuleIndex } from "../../lib/use-rules";
import type { Belt, Entry, TournamentCategory, TournamentResult, WeightClass } from "../../types/bridge";
import { ladder, weightClassLabel } from "../../lib/weight-classes";
import { categoryLabel, RESULT_KEY, RESULTS } from "./tournament-text";

/** Entries of one weight class (or of none), in the sheet's order. */
export interface ClassGroup {
  key: string;
  weightClass: WeightClass | null;
  entries: Entry[];
}

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

interface EntryTableProps {
  /** Names the table for screen readers ("U18 Cadets, Women"). */
  caption: string;
  classes: ClassGroup[];
  categories: readonly TournamentCategory[];
  categoryById: ReadonlyMap<number, TournamentCategory>;
  rules: RuleIndex | null;
  actions: EntryActions;
  /** Before the first day results can't be recorded: the id of the note that says so. */
  resultsClosedBy?: string;
}

const COLUMNS = 7;
const selectClass =
  "block h-9 w-full rounded-lg border-0 bg-white py-1.5 pr-7 pl-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-blue-600 focus:outline-none disabled:bg-slate-50 disabled:text-slate-500";
const inputClass =
  "block h-9 w-full rounded-lg border-0 bg-white px-2 text-right text-sm text-slate-900 tabular-nums shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-blue-600 focus:outline-none aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-600";

/** The entries of one category and sex: a header row per weight class, then its entries. */
export function EntryTable({ caption, classes, categories, categoryById, rules, actions, resultsClosedBy }: EntryTableProps) {
  const { t } = useTranslation("tournaments");
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full min-w-[52rem] table-fixed border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          <col />
          <col className="w-24" />
          <col className="w-44" />
          <col className="w-32" />
          <col className="w-24" />
          <col className="w-36" />
          <col className="w-11" />
        </colgroup>
        <thead className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-2 pr-3 pl-3">{t("entries.columns.athlete")}</th>
            <th scope="col" className="py-2 pr-3 text-right">{t("entries.columns.weight")}</th>
            <th scope="col" className="py-2 pr-3">{t("entries.columns.category")}</th>
            <th scope="col" className="py-2 pr-3">{t("entries.columns.weightClass")}</th>
            <th scope="col" className="py-2 pr-3">{t("entries.columns.weighIn")}</th>
            <th scope="col" className="py-2 pr-3">{t("entries.columns.result")}</th>
            <th scope="col" className="py-2">
              <span className="sr-only">{t("entries.columns.remove")}</span>
            </th>
          </tr>
        </thead>
        {classes.map((group) => (
          <tbody key={group.key}>
            <tr>
              <th scope="rowgroup" colSpan={COLUMNS} className="bg-slate-50 px-3 py-1.5 text-xs font-semibold text-slate-700">
                {group.weightClass ? weightClassLabel(group.weightClass) : t("entries.noWeightClass")}{" "}
                <span className="font-normal text-slate-500">{t("entries.count", { count: group.entries.length })}</span>
              </th>
            </tr>
            {group.entries.map((entry) => (
              <EntryRow
                key={entry.id}
                entry={entry}
                category={entry.categoryId === null ? undefined : categoryById.get(entry.categoryId)}
                categories={categories}
                belt={entry.beltId === null ? undefined : rules?.beltById.get(entry.beltId)}
                actions={actions}
                resultsClosedBy={resultsClosedBy}
                t={t}
              />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

interface EntryRowProps {
  entry: Entry;
  category: TournamentCategory | undefined;
  categories: readonly TournamentCategory[];
  belt: Belt | undefined;
  actions: EntryActions;
  resultsClosedBy: string | undefined;
  t: TFunction<"tournaments">;
}

/** One entry and, under it, what needs attention; memoized, so a change redraws its row only. */
const EntryRow = memo(function EntryRow({ entry, category, categories, belt, actions, resultsClosedBy, t }: EntryRowProps) {
  const conflictsId = useId();
  const attention = entry.conflicts.length > 0;
  const describedBy = attention ? conflictsId : undefined;
  const name = entry.fullName;
  const classes = category ? ladder(category.weightClasses, entry.sex) : [];
  return (
    <>
      <tr data-entry-id={entry.id} className={cn("border-t border-slate-100", attention && "bg-amber-50/60")}>
        <td className={cn("border-l-4 py-2 pr-3 pl-2", attention ? "border-amber-500" : "border-transparent")}>
          <div className="flex min-w-0 items-start gap-2">
            {attention ? (
              <AlertTriangleIcon aria-hidden="true" size={16} className="mt-0.5 shrink-0 text-amber-700" />
            ) : null}
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
        </td>
        <td className="py-2 pr-3 text-right tabular-nums">
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
        </td>
        <td className="py-2 pr-3">
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
                {fitsAge(option, entry.age)
                  ? categoryLabel(option)
                  : t("entries.categoryAgeDoesntFit", { category: categoryLabel(option) })}
              </option>
            ))}
            {/* A category that isn't among the copied ones (odd data) still shows as chosen. */}
            {entry.categoryId !== null && !category ? <option value={entry.categoryId}>{t("entries.unknownCategory")}</option> : null}
          </select>
        </td>
        <td className="py-2 pr-3">
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
        </td>
        <td className="py-2 pr-3">
          <WeighIn
            // A new answer starts the field again from what is saved.
            key={entry.weighInKg ?? "none"}
            entry={entry}
            describedBy={describedBy}
            onCommit={(kg) => actions.weighIn(entry, kg)}
            t={t}
          />
        </td>
        <td className="py-2 pr-3">
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
        </td>
        <td className="py-2 text-right">
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
        </td>
      </tr>
      {attention ? (
        <tr className="bg-amber-50/60">
          <td colSpan={COLUMNS} className="border-l-4 border-amber-500 pt-0 pr-3 pb-2.5 pl-8">
            <ul id={conflictsId} aria-label={t("entries.conflictsOf", { name })} className="space-y-0.5 text-sm text-amber-900">
              {entry.conflicts.map((conflict) => (
                <li key={conflict.code} data-conflict={conflict.code} className="flex items-start gap-1.5">
                  <AlertTriangleIcon aria-hidden="true" size={14} className="mt-0.5 shrink-0" />
                  {conflict.message}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ) : null}
    </>
  );
});

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

function fitsAge(category: TournamentCategory, age: number): boolean {
  return age >= category.minAge && (category.maxAge === null || age <= category.maxAge);
}

function parseResult(value: string): TournamentResult | null {
  return (RESULTS as readonly string[]).includes(value) ? (value as TournamentResult) : null;
}
