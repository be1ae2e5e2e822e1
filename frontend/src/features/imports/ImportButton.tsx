import { FileSpreadsheetIcon } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { IMPORT_SPREADSHEET_BUTTON_ID, useImport } from "./use-import";

/**
 * Import from a spreadsheet…: the roster's toolbar (and its "No athletes yet" screen) show it
 * through a slot, since features don't import each other. It stays on while a backup or
 * restore runs: pressed then, it says why it can't start (the toolbar has no room for a hint).
 */
export function ImportButton({ className }: { className?: string }) {
  const { t } = useTranslation("imports");
  const { stage, chooseFile } = useImport();
  const choosing = stage === "choosing";
  return (
    <Button
      id={IMPORT_SPREADSHEET_BUTTON_ID}
      variant="secondary"
      busy={choosing}
      disabled={stage !== "idle"}
      icon={<FileSpreadsheetIcon size={16} strokeWidth={2} />}
      onClick={() => void chooseFile()}
      className={className}
    >
      {choosing ? (
        <>
          <span className="sr-only">{t("button.busyName")}</span>
          {t("button.choosing")}
        </>
      ) : (
        t("button.label")
      )}
    </Button>
  );
}
