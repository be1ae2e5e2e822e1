import { FileDownIcon, FileSpreadsheetIcon, FileTextIcon, PrinterIcon } from "lucide-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { api } from "../../lib/bridge";
import { formatBytes } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import type { ExportFormat, ReportRequest } from "../../types/bridge";

/** Each format's button: literal keys, so the catalog test sees them used. */
const FORMATS = [
  { format: "pdf", label: "actions.pdf", icon: <FileTextIcon size={16} /> },
  { format: "csv", label: "actions.csv", icon: <FileDownIcon size={16} /> },
  { format: "xlsx", label: "actions.xlsx", icon: <FileSpreadsheetIcon size={16} /> },
] as const satisfies readonly { format: ExportFormat; label: string; icon: ReactNode }[];

interface ReportActionsProps {
  /** The request the report on screen answers: what is saved is what is shown. */
  request: ReportRequest | null;
  /** The report's title, for the toasts. */
  title: string;
}

/**
 * Save as PDF, CSV or XLSX through the save dialog (written like a backup: Python's
 * `ExportsService.save`), with "Open" in the toast as the entry sheet has; and Print, which
 * opens the report's PDF in the system's viewer, whose print dialog knows the printers.
 */
export function ReportActions({ request, title }: ReportActionsProps) {
  const { t } = useTranslation("reports");
  const [working, setWorking] = useState<ExportFormat | "print" | null>(null);

  const save = async (shown: ReportRequest, format: ExportFormat) => {
    setWorking(format);
    try {
      const saved = await api().reports.save(shown, format);
      // null: the coach cancelled the save dialog, which says enough.
      if (saved === null) return;
      notifySuccess(t("actions.saved", { fileName: saved.fileName }), t("actions.savedSize", { title, size: formatBytes(saved.bytes) }), {
        label: t("actions.open"),
        onClick: () => {
          api()
            .exports.open(saved.token)
            .catch((err: unknown) => notifyError(err, t("actions.openFailed", { fileName: saved.fileName })));
        },
      });
    } catch (err) {
      notifyError(err, t("actions.saveFailed"));
    } finally {
      setWorking(null);
    }
  };

  const print = async (shown: ReportRequest) => {
    setWorking("print");
    try {
      await api().reports.print(shown);
      // The viewer may take a moment to come up, over or beside the window: say where it went.
      notifySuccess(t("actions.printOpened", { title }));
    } catch (err) {
      notifyError(err, t("actions.printFailed"));
    } finally {
      setWorking(null);
    }
  };

  return (
    <div role="group" aria-label={t("actions.label")} className="flex flex-wrap gap-2">
      {FORMATS.map(({ format, label, icon }) => (
        <Button
          key={format}
          variant={format === "pdf" ? "primary" : "secondary"}
          icon={icon}
          busy={working === format}
          disabled={request === null || (working !== null && working !== format)}
          onClick={() => {
            if (request) void save(request, format);
          }}
        >
          {t(label)}
        </Button>
      ))}
      <Button
        variant="secondary"
        icon={<PrinterIcon size={16} />}
        busy={working === "print"}
        disabled={request === null || (working !== null && working !== "print")}
        onClick={() => {
          if (request) void print(request);
        }}
      >
        {t("actions.print")}
      </Button>
    </div>
  );
}
