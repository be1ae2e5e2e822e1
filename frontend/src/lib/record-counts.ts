import type { RecordCount } from "../types/bridge";
import { pluralize } from "./format";

/**
 * Python sends what a database holds as one count per kind of record, in the order to show
 * them, so a kind added there (tournaments…) appears on every screen that lists them.
 */

/** "Athletes": the kind as a label. */
export function kindLabel(record: RecordCount): string {
  return record.plural.charAt(0).toUpperCase() + record.plural.slice(1);
}

/** "1 athlete", "42 athletes"; null where the file has no such table. */
export function describeCount(record: RecordCount): string | null {
  return record.count === null ? null : pluralize(record.count, record.singular, record.plural);
}

/** How many records of `kind` there are; null when the file has no such table (or no such kind). */
export function countOf(contents: readonly RecordCount[], kind: string): number | null {
  return contents.find((record) => record.kind === kind)?.count ?? null;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
