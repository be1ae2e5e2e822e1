import type { ParseKeys } from "i18next";
import { DownloadIcon, ShieldAlertIcon, ShieldCheckIcon } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { cn } from "../../components/ui/cn";
import { formatDateTime, formatDaysAgo } from "../../lib/format";
import { useActiveJob } from "../../lib/jobs";
import { countWords, joinWords } from "../../lib/record-counts";
import type { BackupRecord, BackupStatusState, ChangeCounts } from "../../types/bridge";
import { backupStatus, useBackupStatus } from "./backup-status";
import { useBackup } from "./use-backup";

const LEVEL_TEXT: Record<BackupStatusState["level"], ParseKeys<"backup">> = {
  ok: "status.level.ok",
  due: "status.level.due",
  never: "status.level.never",
  empty: "status.level.empty",
};

const PANEL: Record<BackupStatusState["level"], string> = {
  ok: "bg-emerald-50 ring-emerald-200",
  due: "bg-amber-50 ring-amber-300",
  never: "bg-red-50 ring-red-300",
  empty: "bg-slate-50 ring-slate-200",
};

/**
 * The dashboard's backup status: when and where the last backup went, what changed since,
 * and whether another is due (amber) or there has never been one (red), always said in
 * words too. "Export now" is the same export as Settings.
 */
export function BackupStatusCard() {
  const { t } = useTranslation(["backup", "common"]);
  const status = useBackupStatus();
  const { running, startBackup } = useBackup();
  const restoring = useActiveJob() === "restore";
  return (
    <Card title={t("status.title")} icon={<ShieldCheckIcon />}>
      <div className="space-y-4">
        {status.status === "loading" ? (
          <p className="text-sm text-slate-500">{t("last.checking")}</p>
        ) : status.status === "error" ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <p className="text-red-700">{t("status.failed", { message: status.message })}</p>
            <Button variant="secondary" size="sm" onClick={() => void backupStatus.reload()}>
              {t("common:actions.tryAgain")}
            </Button>
          </div>
        ) : (
          <StatusPanel status={status.value} />
        )}
        <Button busy={running} disabled={restoring} icon={<DownloadIcon />} onClick={() => void startBackup()}>
          {t("reminder.exportNow")}
        </Button>
      </div>
    </Card>
  );
}

function StatusPanel({ status }: { status: BackupStatusState }) {
  const { t } = useTranslation("backup");
  const warning = status.level === "due" || status.level === "never";
  return (
    <div className={cn("rounded-xl px-5 py-4 ring-1 ring-inset", PANEL[status.level])}>
      <p className="flex items-center gap-2 text-base font-semibold text-slate-900">
        {warning ? (
          <ShieldAlertIcon
            aria-hidden="true"
            className={cn("size-5 shrink-0", status.level === "never" ? "text-red-700" : "text-amber-700")}
          />
        ) : null}
        {t(LEVEL_TEXT[status.level])}
      </p>
      <p className="mt-1 text-sm text-slate-700">{reason(status, t)}</p>
      {status.last ? <LastBackup record={status.last} /> : null}
      {status.last ? <p className="mt-3 text-sm text-slate-700">{changesSince(status.changes, t)}</p> : null}
    </div>
  );
}

type Translate = ReturnType<typeof useTranslation<"backup">>["t"];

/**
 * Why the card looks as it does, in words (the colour alone says nothing to some); Settings'
 * backup card says the same when a backup is due.
 */
export function reason(status: BackupStatusState, t: Translate): string {
  switch (status.level) {
    case "empty":
      return t("status.reason.empty");
    case "never":
      return t("onlyHere");
    case "ok":
      return t("status.reason.ok");
    case "due":
      // Python decided it is due; the page only says how old the backup is and how much changed.
      return status.daysSince === null
        ? t("status.reason.dueUnreadable")
        : t("status.reason.due", { days: status.daysSince, changes: status.changes.total });
  }
}

function changesSince(changes: ChangeCounts, t: Translate): string {
  const counted = (["athletes", "promotions", "medals"] as const)
    .filter((kind) => changes[kind] > 0)
    .map((kind) => countWords(kind, changes[kind]));
  return counted.length === 0 ? t("status.noChanges") : t("status.changes", { changes: joinWords(counted) });
}

/** The folder `record.path` is in, as the coach's system writes it. */
function folderOf(record: BackupRecord): string {
  if (!record.path.endsWith(record.fileName)) return record.path;
  return record.path.slice(0, record.path.length - record.fileName.length).replace(/[\\/]+$/, "") || record.path;
}

function LastBackup({ record }: { record: BackupRecord }) {
  const { t } = useTranslation("backup");
  return (
    <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
      <dt className="text-slate-600">{t("last.when")}</dt>
      <dd className="text-slate-900">
        <time dateTime={record.finishedAt} className="font-medium">
          {formatDateTime(record.finishedAt)}
        </time>
        <span className="text-slate-600"> · {formatDaysAgo(record.finishedAt)}</span>
      </dd>
      <dt className="text-slate-600">{t("status.file")}</dt>
      <dd className="font-medium break-all text-slate-900">{record.fileName}</dd>
      <dt className="text-slate-600">{t("status.folder")}</dt>
      <dd className="font-mono text-xs leading-5 break-all text-slate-800">{folderOf(record)}</dd>
    </dl>
  );
}
