import type { ParseKeys } from "i18next";
import { DatabaseIcon, DownloadIcon } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { ProgressBar } from "../../components/ui/ProgressBar";
import { lastBackup, useLastBackup } from "../../lib/app-info";
import { formatBytes, formatDateTime, formatDaysAgo } from "../../lib/format";
import { useActiveJob } from "../../lib/jobs";
import { useDelayedFlag } from "../../lib/use-delayed-flag";
import { useProgress } from "../../lib/use-progress";
import type { Loadable } from "../../lib/resource";
import type { BackupRecord, ProgressUpdate } from "../../types/bridge";
import { useBackupStatus } from "./backup-status";
import { reason } from "./BackupStatusCard";
import { useBackup } from "./use-backup";

const PHASE_TEXT: Partial<Record<ProgressUpdate["phase"], ParseKeys<"backup">>> = {
  snapshot: "progress.snapshot",
  copying: "progress.copying",
  verifying: "progress.verifying",
};

export function BackupCard() {
  const { t } = useTranslation("backup");
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
  const phase = progress ? PHASE_TEXT[progress.phase] : undefined;

  return (
    <Card
      title={t("card.title")}
      icon={<DatabaseIcon />}
      description={t("card.description")}
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
                <span className="sr-only">{t("export.busyName")}</span>
                {copying ? t("export.exporting") : t("export.choosing")}
              </>
            ) : (
              t("export.button")
            )}
          </Button>
          <p className="text-sm text-slate-500">
            {running ? t("export.hintRunning") : restoring ? t("export.hintRestoring") : t("export.hint")}
          </p>
        </div>

        {running && showProgress ? (
          <ProgressBar
            label={t("progress.label")}
            fraction={progress?.fraction ?? 0}
            status={phase ? t(phase) : ""}
          />
        ) : null}
      </div>
    </Card>
  );
}

function LastBackupPanel({ last, onRetry }: { last: Loadable<BackupRecord | null>; onRetry: () => void }) {
  const { t } = useTranslation(["backup", "common"]);
  return (
    <section aria-label={t("last.title")} className="rounded-xl bg-slate-50 px-5 py-4 ring-1 ring-slate-200 ring-inset">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("last.title")}</h3>
      {last.status === "loading" ? (
        <p className="mt-2 text-sm text-slate-500">{t("last.checking")}</p>
      ) : last.status === "error" ? (
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <p className="text-red-700">{t("last.failed", { message: last.message })}</p>
          <Button variant="secondary" size="sm" onClick={onRetry}>
            {t("common:actions.tryAgain")}
          </Button>
        </div>
      ) : last.value === null ? (
        <div className="mt-2">
          <p className="text-base font-semibold text-slate-900">{t("last.never")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("onlyHere")}</p>
        </div>
      ) : (
        <LastBackupDetails record={last.value} />
      )}
    </section>
  );
}

function LastBackupDetails({ record }: { record: BackupRecord }) {
  const { t } = useTranslation("backup");
  // Python's one rule (14 days or 50 changes), as the Dashboard's card and the reminder say.
  const status = useBackupStatus();
  const due = status.status === "loaded" && status.value.level === "due" ? status.value : null;
  return (
    <>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-500">{t("last.when")}</dt>
        <dd className="text-slate-900">
          <time dateTime={record.finishedAt} className="font-medium">
            {formatDateTime(record.finishedAt)}
          </time>
          <span className="text-slate-500"> · {formatDaysAgo(record.finishedAt)}</span>
        </dd>
        <dt className="text-slate-500">{t("last.where")}</dt>
        <dd className="font-mono text-xs leading-5 break-all text-slate-800">{record.path}</dd>
        <dt className="text-slate-500">{t("last.size")}</dt>
        <dd className="text-slate-900">{formatBytes(record.bytes)}</dd>
      </dl>
      {due ? <p className="mt-3 text-sm text-amber-800">{reason(due, t)}</p> : null}
    </>
  );
}
