import { DatabaseBackupIcon, Undo2Icon, UploadIcon } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { ProgressBar } from "../../components/ui/ProgressBar";
import { api } from "../../lib/bridge";
import { formatDateTime } from "../../lib/format";
import { useActiveJob } from "../../lib/jobs";
import { errorMessage } from "../../lib/notify";
import { useDataEvent } from "../../lib/data-events";
import { countWords } from "../../lib/record-counts";
import type { SafetyCopy } from "../../types/bridge";
import { IMPORT_BUTTON_ID, useRestore, useRestoreProgress } from "./use-restore";

type UndoStatus =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "loaded"; copy: SafetyCopy | null };

export function RestoreCard() {
  const { t } = useTranslation("restore");
  const { stage, chooseFile, undoLastRestore } = useRestore();
  const exporting = useActiveJob() === "backup";
  // The safety copy is Python's; so is a failure to read it, which a new language reads again.
  const dataVersion = useDataEvent("data-replaced", "restore-finished", "language-changed");
  const choosing = stage === "choosing";
  const undoing = stage === "checkingUndo" || stage === "confirmingUndo" || stage === "undoing";
  // The file check (choosing) and an undo run here; a restore shows its progress in the
  // confirmation instead.
  const { progress, showBar, statusText } = useRestoreProgress(choosing || undoing);
  const [undo, setUndo] = useState<UndoStatus>({ status: "loading" });

  const loadUndoStatus = useCallback(async () => {
    try {
      setUndo({ status: "loaded", copy: await api().system.getUndoStatus() });
    } catch (err) {
      setUndo({ status: "error", message: errorMessage(err) });
    }
  }, []);

  // On mount, after every restore or undo (however it ended), whenever the data was
  // replaced, and in a new language.
  useEffect(() => {
    void loadUndoStatus();
  }, [loadUndoStatus, dataVersion]);

  const checking = choosing && progress !== null;
  const idle = stage === "idle";

  return (
    <Card
      title={t("card.title")}
      icon={<DatabaseBackupIcon />}
      description={t("card.description")}
    >
      <div className="space-y-5">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <Button
            id={IMPORT_BUTTON_ID}
            variant="secondary"
            busy={choosing}
            disabled={!idle || exporting}
            icon={<UploadIcon />}
            onClick={() => void chooseFile()}
          >
            {choosing ? (
              <>
                <span className="sr-only">{t("import.busyName")}</span>
                {checking ? t("import.checking") : t("import.choosing")}
              </>
            ) : (
              t("import.button")
            )}
          </Button>
          <p className="text-sm text-slate-500">
            {choosing
              ? checking
                ? t("import.hintChecking")
                : t("import.hintChoosing")
              : exporting
                ? t("import.hintExporting")
                : t("import.hint")}
          </p>
        </div>

        {showBar && progress ? (
          <ProgressBar label={t("progress.label")} fraction={progress.fraction} status={statusText} />
        ) : null}

        <UndoPanel
          undo={undo}
          undoing={undoing}
          disabled={!idle || exporting}
          onUndo={() => void undoLastRestore()}
          onRetry={() => void loadUndoStatus()}
        />
      </div>
    </Card>
  );
}

interface UndoPanelProps {
  undo: UndoStatus;
  undoing: boolean;
  disabled: boolean;
  onUndo: () => void;
  onRetry: () => void;
}

/** Shown only while there is a safety copy to put back (or checking for one failed). */
function UndoPanel({ undo, undoing, disabled, onUndo, onRetry }: UndoPanelProps) {
  const { t } = useTranslation(["restore", "common"]);
  if (undo.status === "loading" || (undo.status === "loaded" && undo.copy === null)) return null;
  return (
    <section
      aria-label={t("safetyCopy.title")}
      className="rounded-xl bg-slate-50 px-5 py-4 ring-1 ring-slate-200 ring-inset"
    >
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("safetyCopy.title")}</h3>
      {undo.status === "error" ? (
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <p className="text-red-700">{t("safetyCopy.failed", { message: undo.message })}</p>
          <Button variant="secondary" size="sm" onClick={onRetry}>
            {t("common:actions.tryAgain")}
          </Button>
        </div>
      ) : undo.copy ? (
        <div className="mt-2 flex flex-wrap items-center justify-between gap-x-6 gap-y-3">
          <p className="min-w-0 flex-1 basis-64 text-sm text-slate-700">
            {undoing ? (
              t("undo.running")
            ) : (
              <Trans
                t={t}
                i18nKey="safetyCopy.putsBack"
                values={{ when: formatDateTime(undo.copy.takenAt), athletes: countWords("athletes", undo.copy.athletes) }}
                components={{
                  time: <time dateTime={undo.copy.takenAt} className="font-medium text-slate-900" />,
                }}
              />
            )}
          </p>
          <Button
            variant="secondary"
            busy={undoing}
            disabled={disabled}
            icon={<Undo2Icon />}
            onClick={onUndo}
          >
            {undo.copy.kind === "import" ? t("safetyCopy.undoImport") : t("safetyCopy.undo")}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
