import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { Button } from "../../components/ui/Button";
import { AlertIcon } from "../../components/ui/icons";
import { ProgressBar } from "../../components/ui/ProgressBar";
import { useAppInfo } from "../../lib/app-info";
import { trapFocus } from "../../lib/focus-trap";
import { formatBytes, formatDateTime, formatDaysAgo, pluralize } from "../../lib/format";
import { countOf, kindLabel } from "../../lib/record-counts";
import type { AppInfo, RecordCount, RestorePreview } from "../../types/bridge";
import { IMPORT_BUTTON_ID, useRestore, useRestoreProgress } from "./use-restore";

/**
 * "Replace your current data?": the checked backup next to the data it would replace.
 * Mounted once by the app shell, so it opens even if the coach changed page while the
 * file was being checked.
 */
export function RestoreConfirmDialog() {
  const { stage, preview, confirmRestore, cancelRestore } = useRestore();
  if (!preview || (stage !== "confirming" && stage !== "restoring")) return null;
  return (
    <ConfirmDialog
      key={preview.token}
      preview={preview}
      restoring={stage === "restoring"}
      onConfirm={() => void confirmRestore()}
      onCancel={cancelRestore}
    />
  );
}

interface ConfirmDialogProps {
  preview: RestorePreview;
  restoring: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

function ConfirmDialog({ preview, restoring, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const restoringRef = useRef(restoring);
  restoringRef.current = restoring;
  const titleId = useId();
  const descriptionId = useId();
  // The running app's versions, for the "current data" column (a dash until known).
  const info = useAppInfo();
  const current = info.status === "loaded" ? info.value : null;
  const { progress, showBar, statusText } = useRestoreProgress(restoring);

  // A native modal <dialog>: the top layer, an inert page behind it. Cancel gets the
  // first focus, never the button that replaces the data.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
  }, []);

  // Back to Import Database once the dialog is gone (if Settings is the page on screen).
  useEffect(
    () => () => {
      document.getElementById(IMPORT_BUTTON_ID)?.focus();
    },
    [],
  );

  // Both buttons turn disabled while the data is replaced; keep focus inside the dialog.
  useEffect(() => {
    if (restoring) dialogRef.current?.focus();
  }, [restoring]);

  const requestCancel = () => {
    if (!restoringRef.current) onCancel();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === "Escape") {
      // Handled here rather than by the browser, which could close the dialog mid-restore.
      event.preventDefault();
      requestCancel();
    } else if (event.key === "Tab") {
      trapFocus(event, event.currentTarget);
    }
  };

  const athletesNow = countOf(preview.current.contents, "athletes");
  const athletesInBackup = countOf(preview.backup.contents, "athletes");
  const fewerAthletes =
    athletesNow === null || athletesInBackup === null ? 0 : athletesNow - athletesInBackup;

  return (
    <dialog
      ref={dialogRef}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      aria-busy={restoring || undefined}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      // Escape while focus is outside the panel (e.g. after a click on the backdrop).
      onCancel={(event) => {
        event.preventDefault();
        requestCancel();
      }}
      // Nothing here closes the element itself; if the browser did, put it back or cancel.
      onClose={() => {
        if (restoringRef.current) dialogRef.current?.showModal();
        else onCancel();
      }}
      className="m-auto max-h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] max-w-2xl overflow-y-auto rounded-2xl border-0 bg-white p-0 text-slate-900 shadow-2xl outline-none backdrop:bg-slate-900/50"
    >
      <div className="px-7 pt-6 pb-5">
        <div className="flex items-start gap-4">
          <span
            aria-hidden="true"
            className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-amber-50 text-amber-700"
          >
            <AlertIcon />
          </span>
          <div className="min-w-0">
            <h2 id={titleId} className="text-lg font-semibold text-slate-900">
              Replace your current data?
            </h2>
            <p id={descriptionId} className="mt-1 text-sm text-slate-600">
              Everything currently in Judo Manager will be replaced by this backup. A safety copy
              of your current data is kept first, so you can undo this.
            </p>
          </div>
        </div>

        <div className="mt-5 rounded-xl bg-slate-50 px-4 py-3 ring-1 ring-slate-200 ring-inset">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Backup file</p>
          <p className="mt-1 text-sm font-semibold break-all text-slate-900">{preview.fileName}</p>
          <p className="mt-0.5 font-mono text-xs leading-5 break-all text-slate-600">{preview.path}</p>
        </div>

        <Comparison preview={preview} current={current} />

        {fewerAthletes > 0 ? (
          <p className="mt-3 text-sm text-amber-800">
            This backup has {pluralize(fewerAthletes, "athlete")} fewer than your current data.
          </p>
        ) : null}

        {restoring ? (
          <div className="mt-5 space-y-3">
            {/* Announces each step once; the bar's percentage isn't a live region. */}
            <p role="status" className={showBar ? "sr-only" : "text-sm text-slate-700"}>
              {statusText || "Restoring…"}
            </p>
            {showBar && progress ? (
              <ProgressBar label="Restore progress" fraction={progress.fraction} status={statusText} />
            ) : null}
            <p className="text-sm text-slate-500">Please keep Judo Manager open until this finishes.</p>
          </div>
        ) : null}
      </div>

      <div className="flex flex-wrap justify-end gap-3 rounded-b-2xl border-t border-slate-100 bg-slate-50/70 px-7 py-4">
        <Button ref={cancelRef} variant="secondary" disabled={restoring} onClick={requestCancel}>
          Cancel
        </Button>
        <Button variant="danger" busy={restoring} onClick={onConfirm}>
          Replace my data
        </Button>
      </div>
    </dialog>
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
        {kindsOf(backup.contents, now.contents).map(({ kind, label }, index) => (
          <Row key={kind} label={label} strong={index === 0}>
            {countOf(backup.contents, kind) ?? <Missing text="not recorded in this backup" />}
            {countOf(now.contents, kind) ?? <Missing />}
          </Row>
        ))}
        <Row label="Size" last>
          {formatBytes(backup.bytes)}
          {formatBytes(now.bytes)}
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
    <span className="text-slate-400">
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
