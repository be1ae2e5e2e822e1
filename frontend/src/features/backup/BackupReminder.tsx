import { BellIcon, DownloadIcon } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { api } from "../../lib/bridge";
import { formatDate } from "../../lib/format";
import { useActiveJob } from "../../lib/jobs";
import { notifyError } from "../../lib/notify";
import { createResource, useResource } from "../../lib/resource";
import type { BackupReminderState } from "../../types/bridge";
import { useBackup } from "./use-backup";

/**
 * Whether to remind the coach to back up: Python decides, by the rule the backup status
 * follows (14 days or 50 changes since the last backup, or none yet while the club holds
 * athletes), unless "Remind me tomorrow" was pressed today. Any edit, a backup or a restore
 * can each change the answer.
 */
const backupReminder = createResource<BackupReminderState>({
  load: () => api().system.getBackupReminder(),
  staleOn: ["data-replaced", "backup-finished", "athletes-changed", "tournaments-changed", "language-changed"],
  keepOnError: true,
});

/**
 * A quiet banner in every page's header, in its flow so it covers nothing: "Export now"
 * starts the same export as Settings, "Remind me tomorrow" quiets it until tomorrow.
 */
export function BackupReminder() {
  const { t } = useTranslation("backup");
  const state = useResource(backupReminder);
  const { running, startBackup } = useBackup();
  const restoring = useActiveJob() === "restore";
  const [snoozing, setSnoozing] = useState(false);
  const headingId = useId();
  if (state.status !== "loaded" || !state.value.due) return null;
  const last = state.value.lastBackupOn;

  const snooze = async () => {
    setSnoozing(true);
    try {
      await api().system.snoozeBackupReminder();
      await backupReminder.reload();
    } catch (err) {
      notifyError(err, t("reminder.snoozeFailed"));
    } finally {
      setSnoozing(false);
    }
  };

  return (
    <section
      aria-labelledby={headingId}
      className="flex max-w-xl min-w-0 items-center gap-3 rounded-xl bg-amber-50 px-3 py-2 ring-1 ring-amber-200 ring-inset [@media(max-height:700px)]:py-1"
    >
      <BellIcon aria-hidden="true" className="size-5 shrink-0 text-amber-700" />
      <div className="min-w-0 flex-1 text-sm">
        <h2 id={headingId} className="font-semibold text-slate-900">
          {t("reminder.title")}
        </h2>
        {/* Read out in a low window too, where only the title shows. */}
        <p className="text-xs text-slate-700 [@media(max-height:700px)]:sr-only">
          {last ? t("reminder.since", { date: formatDate(last) }) : t("onlyHere")}
        </p>
      </div>
      <div className="flex shrink-0 gap-1">
        <Button size="sm" busy={running} disabled={restoring} icon={<DownloadIcon />} onClick={() => void startBackup()}>
          {t("reminder.exportNow")}
        </Button>
        <Button size="sm" variant="ghost" busy={snoozing} onClick={() => void snooze()}>
          {t("reminder.snooze")}
        </Button>
      </div>
    </section>
  );
}
