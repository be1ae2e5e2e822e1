import { useId } from "react";
import { useTranslation } from "react-i18next";
import { controlClass } from "../../components/ui/Field";
import type { ImportColumn, ImportField } from "../../types/bridge";
import { FIELD_KEY, FIELDS } from "./import-text";

interface ImportColumnsProps {
  /** The file's columns, with Python's guesses. */
  columns: readonly ImportColumn[];
  /** What each column goes into now, by index (null: ignored). */
  chosen: readonly (ImportField | null)[];
  disabled: boolean;
  onChange: (index: number, field: ImportField | null) => void;
}

/** One row per column of the file: its header, its first values, and what it goes into. */
export function ImportColumns({ columns, chosen, disabled, onChange }: ImportColumnsProps) {
  const { t } = useTranslation("imports");
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {t("columns.title")}
      </h3>
      <p className="mt-0.5 text-sm text-slate-600">{t("columns.hint")}</p>
      <table className="mt-3 w-full table-fixed border-separate border-spacing-0 text-sm">
        <colgroup>
          <col className="w-[32%]" />
          <col className="w-[33%]" />
          <col className="w-[35%]" />
        </colgroup>
        <thead>
          <tr className="text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
            <th scope="col" className="border-b border-slate-200 pb-2">
              {t("columns.header")}
            </th>
            <th scope="col" className="border-b border-slate-200 px-3 pb-2">
              {t("columns.samples")}
            </th>
            <th scope="col" className="border-b border-slate-200 pb-2">
              {t("columns.field")}
            </th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => (
            <ColumnRow
              key={column.index}
              column={column}
              field={chosen[column.index] ?? null}
              disabled={disabled}
              onChange={(field) => onChange(column.index, field)}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface ColumnRowProps {
  column: ImportColumn;
  field: ImportField | null;
  disabled: boolean;
  onChange: (field: ImportField | null) => void;
}

function ColumnRow({ column, field, disabled, onChange }: ColumnRowProps) {
  const { t } = useTranslation("imports");
  const hintId = useId();
  const letter = columnLetter(column.index);
  const header = column.header.trim();
  // Said only while the select still shows Python's guess: once the coach chose, it's theirs.
  const hint =
    field !== column.field
      ? null
      : column.field === null
        ? t("columns.notRecognised")
        : column.guessed
          ? t("columns.guessed")
          : null;
  return (
    <tr className="align-top">
      <th scope="row" className="border-b border-slate-100 py-2.5 pr-3 text-left font-normal">
        <span className="mr-2 inline-block min-w-6 rounded bg-slate-100 px-1.5 text-center font-mono text-xs leading-5 text-slate-600">
          {letter}
        </span>
        <span className="font-medium break-words text-slate-900">
          {header || <span className="text-slate-500 italic">{t("columns.noHeader")}</span>}
        </span>
      </th>
      <td className="border-b border-slate-100 px-3 py-2.5">
        {column.samples.length > 0 ? (
          <ul className="flex flex-wrap gap-1">
            {column.samples.map((sample, i) => (
              <li
                key={i}
                title={sample}
                className="max-w-full truncate rounded bg-slate-50 px-1.5 text-xs leading-5 text-slate-700 ring-1 ring-slate-200 ring-inset"
              >
                {sample}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-xs text-slate-500">{t("columns.noSamples")}</span>
        )}
      </td>
      <td className="border-b border-slate-100 py-2.5">
        <select
          aria-label={t("columns.selectLabel", { column: header || letter })}
          aria-describedby={hint ? hintId : undefined}
          value={field ?? ""}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value === "" ? null : (event.target.value as ImportField))}
          className={controlClass}
        >
          <option value="">{t("columns.ignore")}</option>
          {FIELDS.map((option) => (
            <option key={option} value={option}>
              {t(FIELD_KEY[option])}
            </option>
          ))}
        </select>
        {hint ? (
          <p id={hintId} className="mt-1 text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

/** A, B, … Z, AA, AB: how a spreadsheet names its columns, so the coach finds the one meant. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
