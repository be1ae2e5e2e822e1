import { TriangleAlertIcon } from "lucide-react";
import { useRef, type ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { Dialog, DialogFooter } from "../../components/ui/Dialog";
import { ProgressBar } from "../../components/ui/ProgressBar";
import { useAppInfo } from "../../lib/app-info";
import { formatBytes, formatDateTime, formatDaysAgo } from "../../lib/format";
import { countFigure, countOf, countWords, kindLabel } from "../../lib/record-counts";
import type { ParseKeys } from "i18next";
import type { AppInfo, RecordCount, RestorePreview, SafetyCopy, UndoPreview } from "../../types/bridge";
import { Differences } from "./Differences";
import { IMPORT_BUTTON_ID, useRestore, useRestoreProgress } from "./use-restore";

/**
 * "Replace your current data?": the checked backup next to the data it would replace.
 * Mounted once by the app shell, so it opens even if the coach changed page while the
 * file was being checked.
 */
export function RestoreConfirmDialog() {
  const { stage, preview, undoPreview, confirmRestore, cancelRestore, confirmUndo, cancelUndo } =
    useRestore();
  if (undoPreview && (stage === "confirmingUndo" || stage === "undoing")) {
    return (
      <UndoPrompt
        preview={undoPreview}
        undoing={stage === "undoing"}
        onConfirm={() => void confirmUndo()}
        onCancel={cancelUndo}
      />
    );
  }
  if (!preview || (stage !== "confirming" && stage !== "restoring")) return null;
  return (
    <ReplaceDataPrompt
      key={preview.token}
      preview={preview}
      restoring={stage === "restoring"}
      onConfirm={() => void confirmRestore()}
      onCancel={cancelRestore}
    />
  );
}

interface ReplaceDataPromptProps {
  preview: RestorePreview;
  restoring: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Back to Import Database once the dialog is gone (if Settings is the page on screen). */
const importButton = () => document.getElementById(IMPORT_BUTTON_ID);

function ReplaceDataPrompt({ preview, restoring, onConfirm, onCancel }: ReplaceDataPromptProps) {
  const { t } = useTranslation(["restore", "common"]);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The running app's versions, for the "current data" column (a dash until known).
  const info = useAppInfo();
  const current = info.status === "loaded" ? info.value : null;

  // null: the current data is damaged and can't be read; it will be kept aside, as it is.
  const damaged = preview.current === null;
  const athletesNow = preview.current ? countOf(preview.current.contents, "athletes") : null;
  const athletesInBackup = countOf(preview.backup.contents, "athletes");
  const fewerAthletes =
    athletesNow === null || athletesInBackup === null ? 0 : athletesNow - athletesInBackup;

  return (
    // Cancel gets the first focus, never the button that replaces the data. While the data is
    // replaced, nothing closes it.
    <Dialog
      role="alertdialog"
      title={damaged ? t("confirm.damagedTitle") : t("confirm.title")}
      description={damaged ? t("confirm.damagedDescription") : t("confirm.description")}
      icon={<TriangleAlertIcon />}
      busy={restoring}
      onClose={onCancel}
      initialFocus={cancelRef}
      returnFocus={importButton}
      width="lg"
    >
      <div className="px-7">
        <div className="mt-5 rounded-xl bg-slate-50 px-4 py-3 ring-1 ring-slate-200 ring-inset">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("confirm.file")}</p>
          <p className="mt-1 text-sm font-semibold break-all text-slate-900">{preview.fileName}</p>
          <p className="mt-0.5 font-mono text-xs leading-5 break-all text-slate-600">{preview.path}</p>
        </div>

        <Comparison preview={preview} current={current} />
        {preview.differences ? (
          <Differences
            differences={preview.differences}
            other="backup"
            lostLabel={t("confirm.lost")}
            addedLabel={t("confirm.added")}
          />
        ) : null}

        {fewerAthletes > 0 ? (
          <p className="mt-3 text-sm text-amber-800">
            {t("confirm.fewer", { athletes: countWords("athletes", fewerAthletes) })}
          </p>
        ) : null}

        {restoring ? <JobProgress busyText={t("confirm.running")} /> : null}
      </div>

      <DialogFooter>
        <Button ref={cancelRef} variant="secondary" disabled={restoring} onClick={onCancel}>
          {t("common:actions.cancel")}
        </Button>
        <Button variant="danger" busy={restoring} onClick={onConfirm}>
          {t("confirm.button")}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}

/** A running restore or undo: each step announced once, then a bar for a long one. */
function JobProgress({ busyText }: { busyText: string }) {
  const { t } = useTranslation("restore");
  const { progress, showBar, statusText } = useRestoreProgress(true);
  return (
    <div className="mt-5 space-y-3">
      {/* Announces each step once; the bar's percentage isn't a live region. */}
      <p role="status" className={showBar ? "sr-only" : "text-sm text-slate-700"}>
        {statusText || busyText}
      </p>
      {showBar && progress ? (
        <ProgressBar label={t("progress.label")} fraction={progress.fraction} status={statusText} />
      ) : null}
      <p className="text-sm text-slate-500">{t("progress.keepOpen")}</p>
    </div>
  );
}

interface UndoPromptProps {
  preview: UndoPreview;
  undoing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * "Undo the restore?" (or "Undo the import?": the copy taken before an import is put back
 * the same way): what the safety copy puts back, and the work since that is lost.
 */
function UndoPrompt({ preview, undoing, onConfirm, onCancel }: UndoPromptProps) {
  const { t } = useTranslation(["restore", "common"]);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const words = UNDO_WORDS[preview.copy.kind];
  return (
    <Dialog
      role="alertdialog"
      title={t(words.title)}
      description={
        <Trans
          t={t}
          i18nKey={words.description}
          values={{ when: formatDateTime(preview.copy.takenAt) }}
          components={{ time: <time dateTime={preview.copy.takenAt} /> }}
        />
      }
      icon={<TriangleAlertIcon />}
      busy={undoing}
      onClose={onCancel}
      initialFocus={cancelRef}
      width="lg"
    >
      <div className="px-7">
        {preview.workSince ? (
          <p className="mt-5 rounded-xl bg-amber-50 px-4 py-3 text-sm font-medium text-amber-900 ring-1 ring-amber-200 ring-inset">
            {t("undo.workLost", { work: preview.workSince })}
          </p>
        ) : null}
        {preview.differences ? (
          <Differences
            differences={preview.differences}
            other="safetyCopy"
            lostLabel={t("undo.lost")}
            addedLabel={t("undo.added")}
          />
        ) : null}
        {undoing ? <JobProgress busyText={t("undo.running")} /> : null}
      </div>
      <DialogFooter>
        <Button ref={cancelRef} variant="secondary" disabled={undoing} onClick={onCancel}>
          {t("common:actions.cancel")}
        </Button>
        <Button variant="danger" busy={undoing} onClick={onConfirm}>
          {t(words.button)}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}

/** What the undo's confirmation calls the step it takes back. */
const UNDO_WORDS = {
  restore: { title: "undo.title", description: "undo.description", button: "undo.button" },
  import: { title: "undo.importTitle", description: "undo.importDescription", button: "undo.importButton" },
} as const satisfies Record<SafetyCopy["kind"], Record<string, ParseKeys<"restore">>>;

function Comparison({ preview, current }: { preview: RestorePreview; current: AppInfo | null }) {
  const { t } = useTranslation("restore");
  const { backup } = preview;
  const now = preview.current;
  return (
    <table className="mt-5 w-full table-fixed border-separate border-spacing-0 text-sm">
      <caption className="sr-only">{t("comparison.caption")}</caption>
      <colgroup>
        <col className="w-[30%]" />
        <col className="w-[35%]" />
        <col className="w-[35%]" />
      </colgroup>
      <thead>
        <tr>
          <td />
          <th
            scope="col"
            className="rounded-tl-xl border-y border-l border-slate-200 bg-slate-50 px-4 py-2.5 text-left font-semibold text-slate-900"
          >
            {t("comparison.backup")}
          </th>
          <th
            scope="col"
            className="rounded-tr-xl border border-slate-200 bg-white px-4 py-2.5 text-left font-semibold text-slate-900"
          >
            {t("comparison.current")}
          </th>
        </tr>
      </thead>
      <tbody>
        <Row label={preview.takenAtFromBackup ? t("comparison.taken") : t("comparison.fileDate")}>
          <>
            <time dateTime={preview.takenAt} className="font-medium">
              {formatDateTime(preview.takenAt)}
            </time>
            <span className="block text-xs text-slate-500">
              {preview.takenAtFromBackup
                ? formatDaysAgo(preview.takenAt)
                : t("comparison.fileDateHint")}
            </span>
          </>
          <span className="text-slate-600">{t("comparison.now")}</span>
        </Row>
        <Row label={t("comparison.appVersion")}>
          {preview.appVersion ?? <span className="text-slate-500">{t("comparison.unknown")}</span>}
          {current?.appVersion ?? <Missing />}
        </Row>
        <Row label={t("comparison.dataVersion")}>
          {preview.schemaVersion}
          {current?.schemaVersion ?? <Missing />}
        </Row>
        {/* A null count: a file from before that kind of record was kept. */}
        {kindsOf(backup.contents, now?.contents ?? []).map(({ kind, label }, index) => (
          <Row key={kind} label={label} strong={index === 0}>
            {countFigure(backup.contents, kind) ?? <Missing text={t("comparison.notInBackup")} />}
            {now ? (countFigure(now.contents, kind) ?? <Missing />) : <Missing text={t("comparison.damaged")} />}
          </Row>
        ))}
        <Row label={t("comparison.size")} last>
          {formatBytes(backup.bytes)}
          {now ? formatBytes(now.bytes) : <Missing />}
        </Row>
      </tbody>
    </table>
  );
}

/** Every kind either side counts, the backup's order first; the first is the main one (athletes). */
function kindsOf(backup: readonly RecordCount[], current: readonly RecordCount[]) {
  const kinds = new Map<string, string>();
  for (const record of [...backup, ...current]) {
    if (!kinds.has(record.kind)) kinds.set(record.kind, kindLabel(record.kind));
  }
  return Array.from(kinds, ([kind, label]) => ({ kind, label }));
}

/** A figure this data doesn't have; `text` says why, in words, beside the dash. */
function Missing({ text }: { text?: string }) {
  const { t } = useTranslation("restore");
  return (
    <span className="text-slate-500">
      <span aria-hidden="true">—</span>
      {text ? <span className="block text-xs text-slate-500">{text}</span> : <span className="sr-only">{t("comparison.notRecorded")}</span>}
    </span>
  );
}

interface RowProps {
  label: string;
  /** Exactly two children: the backup's value, then the current data's. */
  children: [ReactNode, ReactNode];
  strong?: boolean;
  last?: boolean;
}

function Row({ label, children: [backupValue, currentValue], strong, last }: RowProps) {
  const cell = "border-b border-slate-200 px-4 py-2 align-top tabular-nums";
  return (
    <tr>
      <th scope="row" className="py-2 pr-4 text-left align-top font-normal text-slate-500">
        {label}
      </th>
      <td
        className={`${cell} border-l bg-slate-50 text-slate-900 ${strong ? "font-semibold" : ""} ${last ? "rounded-bl-xl" : ""}`}
      >
        {backupValue}
      </td>
      <td
        className={`${cell} border-x bg-white text-slate-900 ${strong ? "font-semibold" : ""} ${last ? "rounded-br-xl" : ""}`}
      >
        {currentValue}
      </td>
    </tr>
  );
}
