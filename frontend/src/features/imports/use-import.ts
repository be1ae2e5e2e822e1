import { api } from "../../lib/bridge";
import { publish, subscribe } from "../../lib/data-events";
import { translate } from "../../lib/i18n";
import { claimJob, jobBusyMessage, releaseJob } from "../../lib/jobs";
import {
  dismissNotification,
  errorMessage,
  notifyError,
  notifySuccess,
  type NotificationId,
} from "../../lib/notify";
import { countWords } from "../../lib/record-counts";
import { createStore, useStore } from "../../lib/store";
import type { ImportPreview, ImportResult, ImportSettings } from "../../types/bridge";

/**
 * The import lives outside React components, like the restore: the roster swaps its
 * "No athletes yet" screen for the toolbar as soon as athletes arrive, and neither button
 * may take the dialog with it.
 *
 *   idle ─ Import from a spreadsheet… ─▶ choosing ─ preview ─▶ previewing ─ Import ─▶ importing ─▶ idle
 *     ▲                                    │ cancelled / refused    │ Cancel             │ failed
 *     └────────────────────────────────────┴────────────────────────┘                   ▼
 *                                                                             previewing (says why)
 *
 * The undo is the restore's (Python puts back the safety copy taken before the import),
 * handed in by the page that composes both features.
 */
export type ImportStage = "idle" | "choosing" | "previewing" | "importing";

interface ImportState {
  stage: ImportStage;
  /** Python's first preview of the chosen file, with its guesses (previewing, importing). */
  first: ImportPreview | null;
  /** Why the last Import failed; nothing was changed, the coach may try again or cancel. */
  failure: string | null;
}

/** The toolbar's button, where focus goes back when the dialog closes. */
export const IMPORT_SPREADSHEET_BUTTON_ID = "imports-choose-file";

const store = createStore<ImportState>({ stage: "idle", first: null, failure: null });
/** The "Imported N athletes" toast, whose Undo stops making sense once another safety copy exists. */
let undoToast: NotificationId | null = null;

function dismissUndoToast() {
  if (undoToast !== null) dismissNotification(undoToast);
  undoToast = null;
}

// A restore or an undo ended: Undo would no longer put back the data from before this import.
subscribe(["restore-finished"], dismissUndoToast);

/** The settings of Python's own guesses: what the first preview was worked out with. */
export function guessedSettings(first: ImportPreview): ImportSettings {
  // The date order stays Python's to work out until the coach answers the question.
  return { columns: first.columns.map((column) => column.field), dateOrder: null, duplicates: "skip" };
}

/** Import from a spreadsheet…: Python shows the open dialog, reads the file and guesses. */
async function chooseFile(): Promise<void> {
  if (store.get().stage !== "idle") return;
  if (!claimJob("import")) {
    notifyError(new Error(jobBusyMessage()), translate("imports:toast.notStarted"));
    return;
  }
  store.set({ stage: "choosing", failure: null });
  let first: ImportPreview | null = null;
  let failure: unknown = null;
  try {
    // null = the coach cancelled the dialog: nothing to say.
    first = await api().imports.chooseFile();
  } catch (err) {
    failure = err;
  }
  if (first) {
    store.set({ stage: "previewing", first });
    return;
  }
  releaseJob("import");
  store.set({ stage: "idle" });
  if (failure !== null) notifyError(failure, translate("imports:toast.refused"));
}

/** Cancel: nothing has changed; Python forgets the file it read. */
function cancelImport(): void {
  const { stage, first } = store.get();
  if (stage !== "previewing" || !first) return;
  releaseJob("import");
  store.set({ stage: "idle", first: null, failure: null });
  // Only frees memory; a failure here changes nothing the coach cares about.
  api().imports.discard(first.token).catch(() => undefined);
}

/** Import N athletes, with the settings whose preview the coach is looking at. */
async function confirmImport(settings: ImportSettings, undo: () => void): Promise<void> {
  const { stage, first } = store.get();
  if (stage !== "previewing" || !first) return;
  store.set({ stage: "importing", failure: null });
  let result: ImportResult;
  try {
    result = await api().imports.apply(first.token, settings);
  } catch (err) {
    // One transaction: nothing was added. The dialog stays, with the reason in it.
    store.set({ stage: "previewing", failure: errorMessage(err) });
    return;
  }
  // Close the dialog first, so the toast isn't announced behind a modal.
  releaseJob("import");
  store.set({ stage: "idle", first: null });
  // The roster and every count; a club the file named may be new; a safety copy was taken
  // (Settings' undo card, and any older Undo toast, which this dismisses).
  publish("athletes-changed");
  publish("clubs-changed");
  publish("restore-finished");
  undoToast = notifySuccess(
    translate("imports:toast.imported", { athletes: countWords("athletes", result.added) }),
    importDetails(result),
    // No copy to put back (it couldn't be read after the import): no Undo to offer.
    result.undo ? { label: translate("imports:toast.undo"), onClick: undo } : undefined,
  );
}

/** "2 athletes already in the club were left as they were." and the like, or nothing. */
function importDetails(result: ImportResult): string | undefined {
  const details = [
    result.filled > 0 ? translate("imports:toast.filled", { count: result.filled }) : null,
    result.skipped > 0 ? translate("imports:toast.skipped", { count: result.skipped }) : null,
    result.problems > 0 ? translate("imports:toast.problems", { count: result.problems }) : null,
  ].filter((detail) => detail !== null);
  return details.length > 0 ? details.join(" ") : undefined;
}

export function useImport() {
  const snapshot = useStore(store);
  return { ...snapshot, chooseFile, cancelImport, confirmImport };
}
