import { DatabaseIcon, DownloadIcon } from "lucide-react";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { ProgressBar } from "../../components/ui/ProgressBar";
import { lastBackup, useLastBackup } from "../../lib/app-info";
import { daysSince, formatBytes, formatDateTime, formatDaysAgo } from "../../lib/format";
import { useActiveJob } from "../../lib/jobs";
import { useDelayedFlag } from "../../lib/use-delayed-flag";
import { useProgress } from "../../lib/use-progress";
import type { Loadable } from "../../lib/resource";
import type { BackupRecord, ProgressUpdate } from "../../types/bridge";
import { useBackup } from "./use-backup";

/** After this long without a backup, gently remind the coach. */
const STALE_AFTER_DAYS = 30;

const PHASE_TEXT: Partial<Record<ProgressUpdate["phase"], string>> = {
  snapshot: "Taking snapshot…",
  copying: "Copying to the drive…",
  verifying: "Verifying the copy…",
};

export function BackupCard() {
  const { running, runId, startBackup } = useBackup();
  const progress = useProgress("backup", runId);
  // A restore is replacing the data: exporting now would copy a moving target.
  const restoring = useActiveJob() === "restore";
  // Read again after every backup attempt (success or failure), and whenever a restore or an
  // undo replaced the data (the backup history lives in it).
  const last = useLastBackup();

  // Reveal the progress bar only once the copy itself has lasted a moment: the time the
  // coach spends in the save dialog doesn't count, and quick backups never flash a bar.
  const copying = progress !== null;
  const showProgress = useDelayedFlag(running && copying);

  return (
    <Card
      title="Database Backup"
      icon={<DatabaseIcon />}
      description="Save a complete copy of your club's data to a USB stick or another folder. Keep it somewhere safe."
    >
      <div className="space-y-5">
        <LastBackupPanel last={last} onRetry={() => void lastBackup.reload()} />

        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <Button
            busy={running}
            disabled={restoring}
            icon={<DownloadIcon />}
            onClick={() => void startBackup()}
          >
            {running ? (
              <>
                <span className="sr-only">Export Database: </span>
                {copying ? "Exporting…" : "Choosing where to save…"}
              </>
            ) : (
              "Export Database"
            )}
          </Button>
          <p className="text-sm text-slate-500">
            {running
              ? "You can keep using Judo Manager while the copy is made."
              : restoring
                ? "Wait for the restore to finish before exporting."
                : "You'll choose where to save the copy."}
          </p>
        </div>

        {running && showProgress ? (
          <ProgressBar
            label="Backup progress"
            fraction={progress?.fraction ?? 0}
            status={progress ? (PHASE_TEXT[progress.phase] ?? "") : ""}
          />
        ) : null}
      </div>
    </Card>
  );
}

function LastBackupPanel({ last, onRetry }: { last: Loadable<BackupRecord | null>; onRetry: () => void }) {
  return (
    <section aria-label="Last backup" className="rounded-xl bg-slate-50 px-5 py-4 ring-1 ring-slate-200 ring-inset">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Last backup</h3>
      {last.status === "loading" ? (
        <p className="mt-2 text-sm text-slate-500">Checking…</p>
      ) : last.status === "error" ? (
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <p className="text-red-700">Couldn't check the last backup. {last.message}</p>
          <Button variant="secondary" size="sm" onClick={onRetry}>
            Try again
          </Button>
        </div>
      ) : last.value === null ? (
        <div className="mt-2">
          <p className="text-base font-semibold text-slate-900">Never backed up</p>
          <p className="mt-1 text-sm text-slate-600">
            Your club's data exists only on this computer. Export a copy to keep it safe.
          </p>
        </div>
      ) : (
        <LastBackupDetails record={last.value} />
      )}
    </section>
  );
}

function LastBackupDetails({ record }: { record: BackupRecord }) {
  const stale = daysSince(record.finishedAt) >= STALE_AFTER_DAYS;
  return (
    <>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-500">When</dt>
        <dd className="text-slate-900">
          <time dateTime={record.finishedAt} className="font-medium">
            {formatDateTime(record.finishedAt)}
          </time>
          <span className="text-slate-500"> · {formatDaysAgo(record.finishedAt)}</span>
        </dd>
        <dt className="text-slate-500">Where</dt>
        <dd className="font-mono text-xs leading-5 break-all text-slate-800">{record.path}</dd>
        <dt className="text-slate-500">Size</dt>
        <dd className="text-slate-900">{formatBytes(record.bytes)}</dd>
      </dl>
      {stale ? (
        <p className="mt-3 text-sm text-amber-800">
          It has been a while since the last backup. Consider exporting a fresh copy.
        </p>
      ) : null}
    </>
  );
}
