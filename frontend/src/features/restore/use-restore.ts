import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/bridge";
import { publish, subscribe } from "../../lib/data-events";
import { createStore, useStore } from "../../lib/store";
import { useDelayedFlag } from "../../lib/use-delayed-flag";
import { translate } from "../../lib/i18n";
import { claimJob, jobBusyMessage, releaseJob } from "../../lib/jobs";
import {
  dismissNotification,
  notifyError,
  notifySuccess,
  type NotificationId,
} from "../../lib/notify";
import { countWords } from "../../lib/record-counts";
import { useProgress } from "../../lib/use-progress";
import type { ProgressUpdate, RestorePreview, RestoreResult, UndoPreview } from "../../types/bridge";

/**
 * The restore job lives outside React components, like the backup job: the coach may
 * switch pages while Python checks a big file, and coming back must still show it.
 *
 *   idle ─ Import Database ─▶ choosing ─ preview ─▶ confirming ─ Replace my data ─▶ restoring
 *     ▲                          │ cancelled / refused   │ Cancel                      │
 *     └──────────────────────────┴───────────────────────┴─────────────────────────────┘
 *   idle ─ Undo ─▶ checkingUndo ─ preview ─▶ confirmingUndo ─ Undo the restore ─▶ undoing ─▶ idle
 *                       │ refused                  │ Cancel
 *                       └──────────────────────────┴──▶ idle
 */
export type RestoreStage =
  | "idle"
  | "choosing"
  | "confirming"
  | "restoring"
  | "checkingUndo"
  | "confirmingUndo"
  | "undoing";

interface RestoreState {
  stage: RestoreStage;
  /** The checked backup waiting for the coach's answer (confirming, restoring). */
  preview: RestorePreview | null;
  /** What Undo would put back and throw away, waiting for the coach's answer. */
  undoPreview: UndoPreview | null;
  /** Increments whenever Python starts a new step; a key for its progress updates. */
  runId: number;
}

/** The Import Database button, where focus goes back when the confirmation closes. */
export const IMPORT_BUTTON_ID = "restore-import-database";

const PHASE_TEXT: Partial<Record<ProgressUpdate["phase"], ParseKeys<"restore">>> = {
  staging: "progress.staging",
  validating: "progress.validating",
  safetyCopy: "progress.safetyCopy",
  replacing: "progress.replacing",
};

const store = createStore<RestoreState>({ stage: "idle", preview: null, undoPreview: null, runId: 0 });
/** The "Data restored" toast, whose Undo button stops making sense once anything else runs. */
let undoToast: NotificationId | null = null;

function dismissUndoToast() {
  if (undoToast !== null) dismissNotification(undoToast);
  undoToast = null;
}

// Another safety copy was taken (an import's) or put back: Undo would no longer undo this
// restore. (Each restore's own toast is made after it publishes this.)
subscribe(["restore-finished"], dismissUndoToast);

/** Import Database: Python shows the open dialog, copies and checks the file. */
async function chooseFile(): Promise<void> {
  if (store.get().stage !== "idle") return;
  if (!claimJob("restore")) {
    notifyError(new Error(jobBusyMessage()), translate("restore:toast.notStarted"));
    return;
  }
  dismissUndoToast();
  store.set({ stage: "choosing", runId: store.get().runId + 1 });
  let preview: RestorePreview | null = null;
  let failure: unknown = null;
  try {
    // null = the coach cancelled the dialog: nothing to say.
    preview = await api().system.chooseRestoreFile();
  } catch (err) {
    failure = err;
  }
  if (preview) {
    store.set({ stage: "confirming", preview });
    return;
  }
  releaseJob("restore");
  store.set({ stage: "idle" });
  if (failure !== null) notifyError(failure, translate("restore:toast.refused"));
}

/** Cancel in the confirmation: nothing has changed; Python drops its staged copy. */
function cancelRestore(): void {
  if (store.get().stage !== "confirming") return;
  releaseJob("restore");
  store.set({ stage: "idle", preview: null });
  // Only frees disk space; a failure here changes nothing the coach cares about.
  api().system.cancelRestore().catch(() => undefined);
}

/** Replace my data. */
async function confirmRestore(): Promise<void> {
  const preview = store.get().preview;
  if (store.get().stage !== "confirming" || !preview) return;
  store.set({ stage: "restoring", runId: store.get().runId + 1 });
  let result: RestoreResult | null = null;
  let failure: unknown = null;
  try {
    result = await api().system.restoreDatabase(preview.token);
  } catch (err) {
    failure = err;
  }
  // Close the confirmation first, so the toast isn't announced behind a modal.
  releaseJob("restore");
  store.set({ stage: "idle", preview: null });
  // However it ended: the safety copies may have changed (the data, if replaced, was
  // published by Python already).
  publish("restore-finished");
  if (result) {
    const title = translate("restore:toast.restored", {
      fileName: preview.fileName,
      athletes: countWords("athletes", result.athletes),
    });
    undoToast = result.undo
      ? notifySuccess(title, translate("restore:toast.keptSafetyCopy"), {
          label: translate("restore:toast.undo"),
          onClick: () => void undoLastRestore(),
        })
      : notifySuccess(title);
  } else {
    notifyError(failure, translate("restore:toast.failed"));
  }
}

/**
 * Undo restore (toast) / Undo last restore (Settings), and Undo import (the import's toast,
 * whose safety copy is taken the same way): first what it would put back and the work since
 * that it would throw away, for the coach to confirm.
 */
export async function undoLastRestore(): Promise<void> {
  if (store.get().stage !== "idle" || !claimJob("restore")) {
    notifyError(new Error(jobBusyMessage()), translate("restore:toast.undoBusy"));
    return;
  }
  dismissUndoToast();
  store.set({ stage: "checkingUndo", runId: store.get().runId + 1 });
  try {
    store.set({ stage: "confirmingUndo", undoPreview: await api().system.previewUndo() });
  } catch (err) {
    releaseJob("restore");
    store.set({ stage: "idle" });
    publish("restore-finished");
    notifyError(err, translate("restore:toast.undoRefused"));
  }
}

/** Cancel in the undo's confirmation: nothing has changed. */
function cancelUndo(): void {
  if (store.get().stage !== "confirmingUndo") return;
  releaseJob("restore");
  store.set({ stage: "idle", undoPreview: null });
}

/** Undo the restore, once confirmed. */
async function confirmUndo(): Promise<void> {
  const { stage, undoPreview } = store.get();
  if (stage !== "confirmingUndo" || !undoPreview) return;
  store.set({ stage: "undoing", runId: store.get().runId + 1 });
  try {
    const result = await api().system.undoRestore();
    const athletes = countWords("athletes", result.athletes);
    notifySuccess(
      undoPreview.copy.kind === "import"
        ? translate("restore:toast.undoneImport", { athletes })
        : translate("restore:toast.undone", { athletes }),
    );
  } catch (err) {
    notifyError(err, translate("restore:toast.undoFailed"));
  } finally {
    releaseJob("restore");
    store.set({ stage: "idle", undoPreview: null });
    publish("restore-finished");
  }
}

export function useRestore() {
  const snapshot = useStore(store);
  return {
    ...snapshot,
    chooseFile,
    cancelRestore,
    confirmRestore,
    undoLastRestore,
    cancelUndo,
    confirmUndo,
  };
}

/**
 * Python's latest restore progress while `active`, split into what arrived and what to
 * show: the bar appears only once a step has lasted a moment since its first update, so
 * quick steps never flash one (the time spent in the open dialog doesn't count).
 */
export function useRestoreProgress(active: boolean): {
  progress: ProgressUpdate | null;
  showBar: boolean;
  statusText: string;
} {
  const { t } = useTranslation("restore");
  const { runId } = useRestore();
  const update = useProgress("restore", runId);
  const progress = active ? update : null;
  const showBar = useDelayedFlag(progress !== null);
  const phase = progress ? PHASE_TEXT[progress.phase] : undefined;

  return {
    progress,
    showBar,
    statusText: phase ? t(phase) : "",
  };
}
