import { api } from "../../lib/bridge";
import { translate } from "../../lib/i18n";
import { createStore, useStore } from "../../lib/store";
import { formatBytes } from "../../lib/format";
import { publish } from "../../lib/data-events";
import { claimJob, jobBusyMessage, releaseJob } from "../../lib/jobs";
import { notifyError, notifySuccess } from "../../lib/notify";
import { describeCount, joinWords } from "../../lib/record-counts";

/**
 * The backup job lives outside React components on purpose: the coach may
 * switch pages while Python is copying, and coming back must still show the
 * running job (and must not allow a second one).
 */
interface BackupState {
  /** True from the click until Python answers. */
  running: boolean;
  /** Increments on every start; a key for per-run UI state such as progress. */
  runId: number;
}

const store = createStore<BackupState>({ running: false, runId: 0 });

async function startBackup(): Promise<void> {
  if (store.get().running) return;
  // A restore is running: the button is disabled then, so this is only a safety net.
  if (!claimJob("backup")) {
    notifyError(new Error(jobBusyMessage()), translate("backup:toast.notStarted"));
    return;
  }
  store.set({ running: true, runId: store.get().runId + 1 });
  try {
    // Python shows the native "Save as" dialog itself; null = the coach cancelled.
    const record = await api().system.backupDatabase();
    if (record) {
      // The first kind (athletes) in the title, what comes with them below it.
      const [main, ...rest] = record.contents.flatMap((kind) => describeCount(kind) ?? []);
      const size = formatBytes(record.bytes);
      notifySuccess(
        main
          ? translate("backup:toast.savedHolding", { fileName: record.fileName, size, main })
          : translate("backup:toast.saved", { fileName: record.fileName, size }),
        rest.length > 0
          ? translate("backup:toast.withTheirs", { others: joinWords(rest) })
          : translate("backup:toast.eject"),
      );
    }
  } catch (err) {
    notifyError(err, translate("backup:toast.failed"));
  } finally {
    releaseJob("backup");
    store.set({ running: false });
    // However it ended: the last backup, and the data's size, may have changed.
    publish("backup-finished");
  }
}

export function useBackup() {
  const snapshot = useStore(store);
  return { ...snapshot, startBackup };
}
