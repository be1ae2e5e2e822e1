import { TriangleAlertIcon } from "lucide-react";
import { useRef, type ReactNode } from "react";
import { Button } from "../../components/ui/Button";
import { Dialog, DialogFooter } from "../../components/ui/Dialog";
import { ProgressBar } from "../../components/ui/ProgressBar";
import { useAppInfo } from "../../lib/app-info";
import { formatBytes, formatDateTime, formatDaysAgo, pluralize } from "../../lib/format";
import { countOf, kindLabel } from "../../lib/record-counts";
import type { AppInfo, RecordCount, RestorePreview, UndoPreview } from "../../types/bridge";
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
      title={damaged ? "Replace the damaged data?" : "Replace your current data?"}
      description={
        damaged
          ? "Your current data can't be read, so it will be replaced by this backup. The damaged file is kept in the data folder, as it is."
          : "Everything currently in Judo Manager will be replaced by this backup. A safety copy of your current data is kept first, so you can undo this."
      }
      icon={<TriangleAlertIcon />}
      busy={restoring}
      onClose={onCancel}
      initialFocus={cancelRef}
      returnFocus={importButton}
      width="lg"
    >
      <div className="px-7">
        <div className="mt-5 rounded-xl bg-slate-50 px-4 py-3 ring-1 ring-slate-200 ring-inset">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Backup file</p>
          <p className="mt-1 text-sm font-semibold break-all text-slate-900">{preview.fileName}</p>
          <p className="mt-0.5 font-mono text-xs leading-5 break-all text-slate-600">{preview.path}</p>
        </div>

        <Comparison preview={preview} current={current} />
        {preview.differences ? (
          <Differences
            differences={preview.differences}
            kinds={preview.backup.contents}
            other="this backup"
            lostLabel="Removed by the restore"
            addedLabel="Added by the restore"
          />
        ) : null}

        {fewerAthletes > 0 ? (
          <p className="mt-3 text-sm text-amber-800">
            This backup has {pluralize(fewerAthletes, "athlete")} fewer than your current data.
          </p>
        ) : null}

        {restoring ? <JobProgress busyText="Restoring…" /> : null}
      </div>

      <DialogFooter>
        <Button ref={cancelRef} variant="secondary" disabled={restoring} onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="danger" busy={restoring} onClick={onConfirm}>
          Replace my data
        </Button>
      </DialogFooter>
    </Dialog>
  );
}

/** A running restore or undo: each step announced once, then a bar for a long one. */
function JobProgress({ busyText }: { busyText: string }) {
  const { progress, showBar, statusText } = useRestoreProgress(true);
  return (
    <div className="mt-5 space-y-3">
      {/* Announces each step once; the bar's percentage isn't a live region. */}
      <p role="status" className={showBar ? "sr-only" : "text-sm text-slate-700"}>
        {statusText || busyText}
      </p>
      {showBar && progress ? (
        <ProgressBar label="Restore progress" fraction={progress.fraction} status={statusText} />
      ) : null}
      <p className="text-sm text-slate-500">Please keep Judo Manager open until this finishes.</p>
    </div>
  );
}

interface UndoPromptProps {
  preview: UndoPreview;
  undoing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Undo the restore?": what the safety copy puts back, and the work since that is lost. */
function UndoPrompt({ preview, undoing, onConfirm, onCancel }: UndoPromptProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      role="alertdialog"
      title="Undo the restore?"
      description={
        <>
          Your data goes back to the safety copy taken on{" "}
          <time dateTime={preview.copy.takenAt}>{formatDateTime(preview.copy.takenAt)}</time>, before the
          restore. Your current data is kept in a safety copy first.
        </>
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
            {preview.workSince} Undo will remove that work.
          </p>
        ) : null}
        {preview.differences ? (
          <Differences
            differences={preview.differences}
            kinds={preview.copyData.contents}
            other="the safety copy"
            lostLabel="Removed by the undo"
            addedLabel="Brought back by the undo"
          />
        ) : null}
        {undoing ? <JobProgress busyText="Putting your data back…" /> : null}
      </div>
      <DialogFooter>
        <Button ref={cancelRef} variant="secondary" disabled={undoing} onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="danger" busy={undoing} onClick={onConfirm}>
          Undo the restore
        </Button>
      </DialogFooter>
    </Dialog>
  );
}

function Comparison({ preview, current }: { preview: RestorePreview; current: AppInfo | null }) {
  const { backup } = preview;
  const now = preview.current;
  return (
    <table className="mt-5 w-full table-fixed border-separate border-spacing-0 text-sm">
      <caption className="sr-only">The backup compared with your current data</caption>
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
            This backup
          </th>
          <th
            scope="col"
            className="rounded-tr-xl border border-slate-200 bg-white px-4 py-2.5 text-left font-semibold text-slate-900"
          >
            Your current data
          </th>
        </tr>
      </thead>
      <tbody>
        <Row label={preview.takenAtFromBackup ? "Taken" : "File date"}>
          <>
            <time dateTime={preview.takenAt} className="font-medium">
              {formatDateTime(preview.takenAt)}
            </time>
            <span className="block text-xs text-slate-500">
              {preview.takenAtFromBackup
                ? formatDaysAgo(preview.takenAt)
                : "When the file was last changed; the backup doesn't say when it was taken."}
            </span>
          </>
          <span className="text-slate-600">Now</span>
        </Row>
        <Row label="App version">
          {preview.appVersion ?? <span className="text-slate-500">unknown</span>}
          {current?.appVersion ?? <Missing />}
        </Row>
        <Row label="Data version">
          {preview.schemaVersion}
          {current?.schemaVersion ?? <Missing />}
        </Row>
        {/* A null count: a file from before that kind of record was kept. */}
        {kindsOf(backup.contents, now?.contents ?? []).map(({ kind, label }, index) => (
          <Row key={kind} label={label} strong={index === 0}>
            {countOf(backup.contents, kind) ?? <Missing text="not recorded in this backup" />}
            {now ? (countOf(now.contents, kind) ?? <Missing />) : <Missing text="damaged: can't be read" />}
          </Row>
        ))}
        <Row label="Size" last>
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
    if (!kinds.has(record.kind)) kinds.set(record.kind, kindLabel(record));
  }
  return Array.from(kinds, ([kind, label]) => ({ kind, label }));
}

/** A figure this data doesn't have; `text` says why, in words, beside the dash. */
function Missing({ text }: { text?: string }) {
  return (
    <span className="text-slate-500">
      <span aria-hidden="true">—</span>
      {text ? <span className="block text-xs text-slate-500">{text}</span> : <span className="sr-only">not recorded</span>}
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
