import { formatLocale, translate } from "./i18n";

/*
 * Every number and date the page shows or reads is in the coach's language (`formatLocale`),
 * never the operating system's: that mixed "il y a 45 jours" into English screens.
 */

const UNITS = ["KB", "MB", "GB", "TB"] as const;

/**
 * Human-readable size with decimal (SI) units, 1000 bytes = 1 KB, one decimal:
 * 532 → "532 B", 1_234_567 → "1.2 MB".
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return translate("format.unknownSize");
  if (bytes < 1000) return `${formatNumber(Math.round(bytes), 0)} B`;
  let value = bytes;
  let unit: (typeof UNITS)[number] = UNITS[0];
  for (const u of UNITS) {
    value /= 1000;
    unit = u;
    if (value < 999.95) break;
  }
  return `${formatNumber(value, 1)} ${unit}`;
}

/** Local date and time in the app's language, e.g. "26 Nov 2026, 14:05". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(formatLocale(), {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(date);
}

/** "today", "yesterday", "3 days ago" … in the app's language. */
export function formatDaysAgo(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOfDay(date) - startOfDay(now)) / 86_400_000);
  return new Intl.RelativeTimeFormat(formatLocale(), { numeric: "auto" }).format(days, "day");
}

/** A calendar date (YYYY-MM-DD) in the app's language, e.g. "12 Mar 2024". */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  // Built from its parts: parsing "2024-03-12" would read it as UTC midnight and could show
  // the day before west of Greenwich.
  return mediumDateFormat().format(new Date(year, month - 1, day));
}

const mediumDateFormats = new Map<string, Intl.DateTimeFormat>();

/** Made once per language: the roster writes a date in every row whose papers run out. */
function mediumDateFormat(): Intl.DateTimeFormat {
  const locale = formatLocale();
  let format = mediumDateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    mediumDateFormats.set(locale, format);
  }
  return format;
}

/**
 * One day, or the first and last day of several, in the app's language: "12 Mar 2026",
 * "12–14 Mar 2026", "30 Mar – 2 Apr 2026" (Intl writes each shared part once). A last day
 * that is missing or the same as the first is one day.
 */
export function formatDateRange(firstIso: string, lastIso: string | null): string {
  const first = calendarDate(firstIso);
  const last = lastIso === null ? null : calendarDate(lastIso);
  if (!first) return firstIso;
  if (!last || lastIso === firstIso) return formatDate(firstIso);
  return mediumDateFormat().formatRange(first, last);
}

function calendarDate(isoDate: string): Date | null {
  const [year, month, day] = isoDate.split("-").map(Number);
  return year && month && day ? new Date(year, month - 1, day) : null;
}

/** Today's date on this computer as YYYY-MM-DD, the value of an <input type="date">. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Intl formatters made once per language and options: making one costs far more than using
 * it, and the roster formats two numbers in every row it draws.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = formatLocale();
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A count in the app's language, grouped: "1,500" ("1.500" in Indonesian). */
export function formatCount(value: number): string {
  return numberFormat({}).format(value);
}

/** A number in the app's language with exactly `digits` decimals, no grouping: "38.5". */
export function formatNumber(value: number, digits: number): string {
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(
    value,
  );
}

/** A number as a coach would type it back into a field: "38.5", "48" (up to 2 decimals). */
export function formatNumberForInput(value: number): string {
  return numberFormat({ maximumFractionDigits: 2, useGrouping: false }).format(value);
}

const DECIMAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/**
 * A typed decimal number, with either separator: "38,5" and "38.5" are both 38.5. Anything
 * else (a second separator, a letter, thousands grouping) is null, for the field to say so:
 * no character is ever dropped to make it fit.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed.replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

/** A typed whole number: "15" is 15; "15,5", "15.5" or "1 5" are null. */
export function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  return /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : null;
}

type DatePart = "day" | "month" | "year";

/** The order of day, month and year in the app's language, and what separates them. */
function dateLayout(): { order: DatePart[]; separator: string } {
  const parts = new Intl.DateTimeFormat(formatLocale(), { day: "2-digit", month: "2-digit", year: "numeric" }).formatToParts(
    new Date(2012, 2, 14),
  );
  const order = parts.flatMap((part) =>
    part.type === "day" || part.type === "month" || part.type === "year" ? [part.type] : [],
  );
  const separator = parts.find((part) => part.type === "literal")?.value ?? "/";
  return { order, separator };
}

const layouts = new Map<string, { order: DatePart[]; separator: string }>();

/** The date layout of the language spoken now, worked out once per language. */
function currentLayout(): { order: DatePart[]; separator: string } {
  const locale = formatLocale();
  let layout = layouts.get(locale);
  if (!layout) {
    layout = dateLayout();
    layouts.set(locale, layout);
  }
  return layout;
}

/** How a typed date is written in the language spoken now: "dd/mm/yyyy" in English. */
export function dateInputPattern(): string {
  const { order, separator } = currentLayout();
  const placeholders: Record<DatePart, string> = {
    day: translate("format.datePlaceholder.day"),
    month: translate("format.datePlaceholder.month"),
    year: translate("format.datePlaceholder.year"),
  };
  return order.map((part) => placeholders[part]).join(separator);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for "2012-03-14": what Python is sent. */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value);
}

/** "2012-03-14" as typed in the app's language ("14/03/2012"); anything else unchanged. */
export function formatDateForInput(value: string): string {
  if (!isIsoDate(value)) return value;
  const [year, month, day] = value.split("-");
  const parts: Record<DatePart, string> = { day, month, year };
  const { order, separator } = currentLayout();
  return order.map((part) => parts[part]).join(separator);
}

/**
 * A date typed in the app's order ("14/03/2012", "14.3.2012", "14-03-2012": any separator),
 * or year first ("2012-03-14"), as "2012-03-14"; null if it isn't a real day with a
 * four-digit year.
 */
export function parseDateInput(text: string): string | null {
  const numbers = text.trim().split(/[^0-9]+/).filter(Boolean);
  if (numbers.length !== 3) return null;
  // A four-digit first number can only be a year: "2012-03-14", pasted from elsewhere, reads too.
  const order: DatePart[] = numbers[0].length === 4 ? ["year", "month", "day"] : currentLayout().order;
  const parts = Object.fromEntries(order.map((part, i) => [part, numbers[i]])) as Record<DatePart, string>;
  if (parts.year.length !== 4 || parts.day.length > 2 || parts.month.length > 2) return null;
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return `${parts.year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The message for a date that doesn't read, naming the order of the language spoken and
 * the field, by its label in lower case: it is mid-sentence ("Enter the birth date as …").
 */
export function dateInputProblem(label: string): string {
  return translate("format.dateProblem", {
    field: label.toLocaleLowerCase(formatLocale()),
    pattern: dateInputPattern(),
    example: formatDateForInput("2012-03-14"),
  });
}
