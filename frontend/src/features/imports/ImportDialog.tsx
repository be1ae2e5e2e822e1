import { FileSpreadsheetIcon } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { Dialog, DialogFooter } from "../../components/ui/Dialog";
import { formatCount } from "../../lib/format";
import { joinWords } from "../../lib/record-counts";
import type { DuplicatePolicy, ImportField, ImportPreview, ImportSettings } from "../../types/bridge";
import { ImportColumns } from "./ImportColumns";
import { DateOrderQuestion } from "./DateOrderQuestion";
import { FIELD_KEY, FORMAT_KEY, SEPARATOR_KEY } from "./import-text";
import { ProblemRows } from "./ProblemRows";
import { guessedSettings, IMPORT_SPREADSHEET_BUTTON_ID, useImport } from "./use-import";
import { useImportPreview, type ImportPreviewState } from "./use-import-preview";

/**
 * "Import athletes from a spreadsheet": how the file is read, what each column goes into,
 * and what importing would do, before anything changes. Mounted once by the athletes page,
 * so the roster can swap its toolbar while the dialog is open. `onUndo` is the restore's
 * undo, which puts back the safety copy the import takes first.
 */
export function ImportDialog({ onUndo }: { onUndo: () => void }) {
  const { stage, first, failure, cancelImport, confirmImport } = useImport();
  if (!first || (stage !== "previewing" && stage !== "importing")) return null;
  return (
    <ImportPrompt
      key={first.token}
      first={first}
      importing={stage === "importing"}
      failure={failure}
      onImport={(settings) => void confirmImport(settings, onUndo)}
      onCancel={cancelImport}
    />
  );
}

interface ImportPromptProps {
  first: ImportPreview;
  importing: boolean;
  failure: string | null;
  onImport: (settings: ImportSettings) => void;
  onCancel: () => void;
}

const importButton = () => document.getElementById(IMPORT_SPREADSHEET_BUTTON_ID);

function ImportPrompt({ first, importing, failure, onImport, onCancel }: ImportPromptProps) {
  const { t } = useTranslation(["imports", "common"]);
  const [settings, setSettings] = useState<ImportSettings>(() => guessedSettings(first));
  const state = useImportPreview(first, settings);
  const { preview, busy, error } = state;
  const reasonId = useId();

  const setColumn = (index: number, field: ImportField | null) =>
    setSettings((current) => ({
      ...current,
      // One column per field: choosing a field another column had takes it from that column.
      columns: current.columns.map((old, i) => (i === index ? field : old === field ? null : old)),
    }));

  const count = preview.toAdd + (settings.duplicates === "fill" ? preview.toFill : 0);
  const reason = importing ? null : whyNot(state, count, t);
  const ready = !busy && error === null && preview.canImport && count > 0;

  return (
    <Dialog
      title={t("dialog.title")}
      description={t("dialog.description")}
      icon={<FileSpreadsheetIcon />}
      busy={importing}
      onClose={onCancel}
      returnFocus={importButton}
      width="lg"
    >
      <div className="space-y-6 px-7 pt-5">
        <FileSummary preview={first} />
        {/* Before the columns: until it is answered nothing can be imported, and it stays
            (answered) while the coach changes other choices. */}
        {preview.dateOrderNeeded || (settings.dateOrder !== null && preview.dateExample !== null) ? (
          <DateOrderQuestion
            example={preview.dateExample}
            value={settings.dateOrder}
            disabled={importing}
            onChange={(dateOrder) => setSettings((current) => ({ ...current, dateOrder }))}
          />
        ) : null}
        <ImportColumns
          columns={first.columns}
          chosen={settings.columns}
          disabled={importing}
          onChange={setColumn}
        />
        <Counts
          state={state}
          duplicates={settings.duplicates}
          disabled={importing}
          onDuplicates={(duplicates) => setSettings((current) => ({ ...current, duplicates }))}
        />
        {error === null ? <ProblemRows problems={preview.problems} total={preview.problemCount} /> : null}

        {importing ? (
          <p role="status" className="text-sm text-slate-700">
            {t("import.running")}
          </p>
        ) : null}
        {failure ? (
          <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200 ring-inset">
            {t("import.failed", { message: failure })}
          </p>
        ) : null}
      </div>

      <DialogFooter>
        {reason ? (
          <p id={reasonId} className="mr-auto self-center text-sm text-slate-600">
            {reason}
          </p>
        ) : null}
        <Button variant="secondary" disabled={importing} onClick={onCancel}>
          {t("common:actions.cancel")}
        </Button>
        <Button
          busy={importing}
          disabled={!ready}
          aria-describedby={reason ? reasonId : undefined}
          onClick={() => onImport(settings)}
        >
          {t("import.button", { count })}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}

type Translate = ReturnType<typeof useTranslation<["imports", "common"]>>["t"];

/** Why Import is off, in the coach's words; null when it is on (or only waits for an answer). */
function whyNot({ preview, busy, error }: ImportPreviewState, count: number, t: Translate): string | null {
  if (busy) return t("import.why.checking");
  if (error !== null) return t("import.why.failed");
  if (preview.missingFields.length > 0) {
    return t("import.why.missing", {
      fields: joinWords(preview.missingFields.map((field) => t(FIELD_KEY[field]))),
    });
  }
  if (preview.dateOrderNeeded && preview.dateOrder === null) return t("import.why.dateOrder");
  if (count === 0) return t("import.why.nobody");
  return preview.canImport ? null : t("import.why.other");
}

/** Which file, and how it was read: the encoding and separator of a CSV are guesses worth showing. */
function FileSummary({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation("imports");
  const separator = preview.separator === null ? null : SEPARATOR_KEY[preview.separator];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 rounded-xl bg-slate-50 px-4 py-3 text-sm ring-1 ring-slate-200 ring-inset">
      <dt className="text-slate-500">{t("file.name")}</dt>
      <dd className="font-semibold break-all text-slate-900">{preview.fileName}</dd>
      <dt className="text-slate-500">{t("file.format")}</dt>
      <dd className="text-slate-900">
        {preview.sheetName === null
          ? t(FORMAT_KEY[preview.format])
          : t("file.formatWithSheet", { format: t(FORMAT_KEY[preview.format]), sheet: preview.sheetName })}
      </dd>
      {preview.encoding !== null ? (
        <>
          <dt className="text-slate-500">{t("file.encoding")}</dt>
          <dd className="text-slate-900">{preview.encoding}</dd>
        </>
      ) : null}
      {preview.separator !== null ? (
        <>
          <dt className="text-slate-500">{t("file.separator")}</dt>
          <dd className="text-slate-900">{separator ? t(separator) : preview.separator}</dd>
        </>
      ) : null}
    </dl>
  );
}

interface CountsProps {
  state: ImportPreviewState;
  duplicates: DuplicatePolicy;
  disabled: boolean;
  onDuplicates: (duplicates: DuplicatePolicy) => void;
}

/** To add, already in the club (skip or fill), with a problem: the newest answer's. */
function Counts({ state, duplicates, disabled, onDuplicates }: CountsProps) {
  const { t } = useTranslation(["imports", "common"]);
  const { preview, busy, error, reload } = state;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} aria-busy={busy || undefined}>
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {t("counts.title")}
      </h3>
      {error !== null ? (
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <p role="alert" className="text-red-700">
            {t("counts.failed", { message: error })}
          </p>
          <Button variant="secondary" size="sm" onClick={reload}>
            {t("common:actions.tryAgain")}
          </Button>
        </div>
      ) : (
        <>
          <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Figure label={t("counts.rows")} value={preview.rowCount} />
            <Figure label={t("counts.toAdd")} value={preview.toAdd} strong />
            <Figure label={t("counts.duplicates")} value={preview.duplicates} />
            <Figure label={t("counts.problems")} value={preview.problemCount} warn={preview.problemCount > 0} />
          </dl>
          {/* Each new answer read out once, as one sentence, not figure by figure. */}
          <p role="status" className="sr-only">
            {busy
              ? t("counts.checking")
              : t("counts.summary", {
                  toAdd: preview.toAdd,
                  duplicates: preview.duplicates,
                  problems: preview.problemCount,
                })}
          </p>
          {preview.newClubs.length > 0 ? (
            <p className="mt-3 text-sm text-slate-700">
              {t("counts.newClubs", { count: preview.newClubs.length, clubs: joinWords(preview.newClubs) })}
            </p>
          ) : null}
          {preview.duplicates > 0 ? (
            <DuplicatesChoice
              value={duplicates}
              toFill={preview.toFill}
              busy={busy}
              disabled={disabled}
              onChange={onDuplicates}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

function Figure({ label, value, strong, warn }: { label: string; value: number; strong?: boolean; warn?: boolean }) {
  return (
    <div className="rounded-xl px-3 py-2 ring-1 ring-slate-200 ring-inset">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd
        className={`mt-0.5 text-lg tabular-nums ${strong ? "font-semibold text-slate-900" : "text-slate-800"} ${warn ? "text-amber-800" : ""}`}
      >
        {formatCount(value)}
      </dd>
    </div>
  );
}

interface DuplicatesChoiceProps {
  value: DuplicatePolicy;
  /** With "fill": how many of them the file has something for (Python counts none with "skip"). */
  toFill: number;
  busy: boolean;
  disabled: boolean;
  onChange: (value: DuplicatePolicy) => void;
}

/** Athletes already in the club: skipped, or their empty fields filled (never overwritten). */
function DuplicatesChoice({ value, toFill, busy, disabled, onChange }: DuplicatesChoiceProps) {
  const { t } = useTranslation("imports");
  const name = useId();
  const filling = value === "fill" && !busy;
  const options: { value: DuplicatePolicy; label: string; hint: string }[] = [
    { value: "skip", label: t("duplicates.skip"), hint: t("duplicates.skipHint") },
    {
      value: "fill",
      label: t("duplicates.fill"),
      hint: filling ? t("duplicates.fillCount", { count: toFill }) : t("duplicates.fillHint"),
    },
  ];
  return (
    <fieldset className="mt-4" disabled={disabled}>
      <legend className="text-sm font-medium text-slate-800">{t("duplicates.question")}</legend>
      <div className="mt-2 space-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2.5 text-sm">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="mt-0.5 size-4 accent-blue-700"
            />
            <span>
              <span className="font-medium text-slate-900">{option.label}</span>
              <span className="block text-xs text-slate-600">{option.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
