import type { ParseKeys } from "i18next";
import type { RecordCount } from "../types/bridge";
import { formatBytes, formatCount } from "./format";
import { formatLocale, translate } from "./i18n";

/**
 * Python sends what a database holds as one count per kind of record, in the order to show
 * them; the page names each kind in the coach's language from its own catalog.
 */

/**
 * The words for each kind Python counts (`RECORD_KINDS` in backend/judo_manager/db/contents.py):
 * its label ("Athletes") and its count ("1 athlete", "2 athletes"). A kind added there needs
 * its words here and in `common.json`; tests/unit/test_page_record_kinds.py says so.
 */
const KIND_WORDS = {
  athletes: { label: "kinds.athletes.label", count: "kinds.athletes.count" },
  promotions: { label: "kinds.promotions.label", count: "kinds.promotions.count" },
  medals: { label: "kinds.medals.label", count: "kinds.medals.count" },
  photos: { label: "kinds.photos.label", count: "kinds.photos.count" },
  documents: { label: "kinds.documents.label", count: "kinds.documents.count" },
  clubs: { label: "kinds.clubs.label", count: "kinds.clubs.count" },
  tournaments: { label: "kinds.tournaments.label", count: "kinds.tournaments.count" },
  tournament_entries: { label: "kinds.tournament_entries.label", count: "kinds.tournament_entries.count" },
} as const satisfies Record<string, { label: ParseKeys<"common">; count: ParseKeys<"common"> }>;

function wordsOf(kind: string) {
  return Object.hasOwn(KIND_WORDS, kind) ? KIND_WORDS[kind as keyof typeof KIND_WORDS] : null;
}

/** "Athletes": the kind as a label; a kind the page has no words for keeps Python's name. */
export function kindLabel(kind: string): string {
  const words = wordsOf(kind);
  return words ? translate(words.label) : kind;
}

/** "1 athlete", "42 athletes" (in the coach's language). */
export function countWords(kind: string, count: number): string {
  const words = wordsOf(kind);
  return words
    ? translate(words.count, { count })
    : `${formatCount(count)} ${kind}`;
}

/**
 * "1 athlete", "42 athletes", and for kinds that are files their size: "12 photos (8.1 MB)";
 * null where the file has no such table.
 */
export function describeCount(record: RecordCount): string | null {
  if (record.count === null) return null;
  const words = countWords(record.kind, record.count);
  return record.count > 0 && record.bytes !== null
    ? translate("counts.withSize", { count: words, size: formatBytes(record.bytes) })
    : words;
}

/** A count in a table's cell: "12", and for kinds that are files "12 (8.1 MB)"; null where
 * the file has no such table (or no such kind). */
export function countFigure(contents: readonly RecordCount[], kind: string): string | null {
  const record = contents.find((candidate) => candidate.kind === kind);
  if (!record || record.count === null) return null;
  return record.count > 0 && record.bytes !== null
    ? translate("counts.withSize", { count: String(record.count), size: formatBytes(record.bytes) })
    : String(record.count);
}

/** How many records of `kind` there are; null when the file has no such table (or no such kind). */
export function countOf(contents: readonly RecordCount[], kind: string): number | null {
  return contents.find((record) => record.kind === kind)?.count ?? null;
}

/** "a", "a and b", "a, b and c", in the coach's language. */
export function joinWords(words: readonly string[]): string {
  return new Intl.ListFormat(formatLocale(), { type: "conjunction" }).format(words);
}
