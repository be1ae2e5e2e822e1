import { useId } from "react";
import { useTranslation } from "react-i18next";
import { countWords, joinWords, kindLabel } from "../../lib/record-counts";
import type { KindDifference, RecordDifference } from "../../types/bridge";

/** The file the current data is compared with: the backup being restored, or the safety copy. */
export type OtherFile = "backup" | "safetyCopy";

/** Each sentence whole for each file, so that a language can word each its own way. */
const SAME = { backup: "differences.same.backup", safetyCopy: "differences.same.safetyCopy" } as const;
const CHANGED = { backup: "differences.changed.backup", safetyCopy: "differences.changed.safetyCopy" } as const;
const ONLY_IN = {
  current: "differences.onlyIn.current",
  backup: "differences.onlyIn.backup",
  safetyCopy: "differences.onlyIn.safetyCopy",
} as const;

interface DifferencesProps {
  differences: readonly KindDifference[];
  /** The file the current data is compared with. */
  other: OtherFile;
  /** What going ahead does to records only in the current data, e.g. "Removed by the restore". */
  lostLabel: string;
  /** … and to those only in the other file, e.g. "Added by the restore". */
  addedLabel: string;
}

/**
 * Who is lost, added or changed: beside the counts, the records by name (the first 20 of
 * each list, then "and 12 more"). Python matched them by name and birth date across clubs.
 */
export function Differences({ differences, other, lostLabel, addedLabel }: DifferencesProps) {
  const { t } = useTranslation("restore");
  // Kinds with records of their own (athletes, clubs) are listed by name; the rows that
  // belong to them (promotions, medals, documents) are counted with them. A kind the same in
  // both files takes no room.
  const differs = (kind: KindDifference) =>
    [kind, ...differences.filter((d) => d.parent === kind.table)].some(
      (d) => d.onlyCurrent + d.onlyOther + d.changed > 0,
    );
  const main = differences.filter((d) => d.parent === null && differs(d));
  /** "2 athletes and 5 promotions"; empty when there are none. */
  const summaryOf = (kind: KindDifference, pick: (d: KindDifference) => number) =>
    joinWords(
      [kind, ...differences.filter((d) => d.parent === kind.table)]
        .filter((d) => pick(d) > 0)
        .map((d) => countWords(d.table, pick(d))),
    );

  if (differences.every((d) => d.onlyCurrent + d.onlyOther + d.changed === 0)) {
    return <p className="mt-4 text-sm text-slate-700">{t(SAME[other])}</p>;
  }
  return (
    <div className="mt-4 space-y-3">
      {main.map((kind) => (
        <KindDifferences
          key={kind.table}
          // With more than one kind (athletes and clubs), each says which it is.
          named={main.length > 1}
          table={kind.table}
          lost={{
            total: kind.onlyCurrent,
            examples: kind.onlyCurrentExamples,
            summary: summaryOf(kind, (d) => d.onlyCurrent),
          }}
          added={{
            total: kind.onlyOther,
            examples: kind.onlyOtherExamples,
            summary: summaryOf(kind, (d) => d.onlyOther),
          }}
          changed={{
            total: kind.changed,
            examples: kind.changedExamples,
            summary: kind.changed ? countWords(kind.table, kind.changed) : "",
          }}
          lostLabel={lostLabel}
          addedLabel={addedLabel}
          changedLabel={t(CHANGED[other])}
          other={other}
        />
      ))}
    </div>
  );
}

interface Side {
  total: number;
  examples: readonly RecordDifference[];
  summary: string;
}

interface KindDifferencesProps {
  named: boolean;
  table: string;
  lost: Side;
  added: Side;
  changed: Side;
  lostLabel: string;
  addedLabel: string;
  changedLabel: string;
  other: OtherFile;
}

/** One kind's three lists: lost, added, in both but different. */
function KindDifferences(props: KindDifferencesProps) {
  const { named, table, lost, added, changed, lostLabel, addedLabel, changedLabel, other } = props;
  const kindId = useId();
  const of = named ? kindId : undefined;
  return (
    <div>
      {named ? (
        <p id={kindId} className="mb-1.5 text-sm font-semibold text-slate-900">
          {kindLabel(table)}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <DifferenceList title={lostLabel} tone="lost" kindId={of} {...lost} />
        <DifferenceList title={addedLabel} tone="added" kindId={of} {...added} />
        <DifferenceList title={changedLabel} tone="changed" kindId={of} {...changed} other={other} />
      </div>
    </div>
  );
}

const TONES = {
  lost: "bg-red-50 ring-red-200",
  added: "bg-emerald-50 ring-emerald-200",
  changed: "bg-slate-50 ring-slate-200",
} as const;

interface DifferenceListProps {
  title: string;
  tone: keyof typeof TONES;
  total: number;
  examples: readonly RecordDifference[];
  summary: string;
  /** For the list of records in both files: the file they are compared with. */
  other?: OtherFile;
  /** The element naming the kind, when the preview shows more than one. */
  kindId?: string;
}

function DifferenceList({ title, tone, total, examples, summary, other, kindId }: DifferenceListProps) {
  const { t } = useTranslation("restore");
  const headingId = useId();
  const more = total - examples.length;
  return (
    <section aria-labelledby={kindId ? `${kindId} ${headingId}` : headingId} className={`rounded-xl px-3 py-2.5 text-sm ring-1 ring-inset ${TONES[tone]}`}>
      <h3 id={headingId} className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
        {title}
      </h3>
      <p className="mt-0.5 font-semibold text-slate-900">{summary || t("differences.none")}</p>
      {examples.length > 0 ? (
        // Focusable, so a coach without a mouse can scroll a long list with the arrow keys.
        <ul
          tabIndex={0}
          aria-labelledby={headingId}
          className="mt-1.5 max-h-40 space-y-1 overflow-y-auto rounded pr-1 text-slate-800 focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          {examples.map((example, index) => (
            <li key={`${example.label}-${index}`}>
              <span className="font-medium">{example.label}</span>
              <Details example={example} other={other} />
            </li>
          ))}
          {more > 0 ? <li className="text-slate-600">{t("differences.more", { count: more })}</li> : null}
        </ul>
      ) : null}
    </section>
  );
}

interface DetailsProps {
  example: RecordDifference;
  /** For a record in both files: the file it is compared with, to say where a promotion is. */
  other?: OtherFile;
}

/** "weight (kg): 45 → 47.5 · 1 medal only in your data"; for a record on one side, its rows. */
function Details({ example, other }: DetailsProps) {
  const { t } = useTranslation("restore");
  /** A record's rows found on one side; beside a record in both files, which side. */
  const rows = (count: number, table: string, side: "current" | "other") => {
    if (!count) return [];
    const words = countWords(table, count);
    if (!other) return [words];
    return [t(side === "current" ? ONLY_IN.current : ONLY_IN[other], { rows: words })];
  };
  const parts = [
    ...example.fields.map((change) =>
      t("differences.fieldChange", { field: change.field, current: change.current, other: change.other }),
    ),
    ...example.children.flatMap((child) => [
      ...rows(child.onlyCurrent, child.table, "current"),
      ...rows(child.onlyOther, child.table, "other"),
    ]),
  ];
  if (parts.length === 0) return null;
  return <span className="block text-xs text-slate-600">{parts.join(" · ")}</span>;
}
