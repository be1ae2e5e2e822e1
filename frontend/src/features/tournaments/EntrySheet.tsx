import { FileDownIcon, FileSpreadsheetIcon, FileTextIcon } from "lucide-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { api } from "../../lib/bridge";
import { formatBytes } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import type { ExportFormat, Tournament } from "../../types/bridge";

/** Each format's button: literal keys, so the catalog test sees them used. */
const FORMATS = [
  { format: "pdf", label: "sheet.pdf", icon: <FileTextIcon size={16} /> },
  { format: "csv", label: "sheet.csv", icon: <FileDownIcon size={16} /> },
  { format: "xlsx", label: "sheet.xlsx", icon: <FileSpreadsheetIcon size={16} /> },
] as const satisfies readonly { format: ExportFormat; label: string; icon: ReactNode }[];

/** "Save entry sheet" as PDF (to print or send), CSV or XLSX (for a federation's portal). */
export function EntrySheet({ tournament }: { tournament: Tournament }) {
  const { t } = useTranslation("tournaments");
  const [saving, setSaving] = useState<ExportFormat | null>(null);

  const save = async (format: ExportFormat) => {
    setSaving(format);
    try {
      const saved = await api().tournaments.saveEntrySheet(tournament.id, format);
      // null: the coach cancelled the save dialog, which says enough.
      if (saved === null) return;
      notifySuccess(t("sheet.saved", { fileName: saved.fileName }), t("sheet.savedSize", { size: formatBytes(saved.bytes) }), {
        label: t("sheet.open"),
        onClick: () => {
          api()
            .exports.open(saved.token)
            .catch((err: unknown) => notifyError(err, t("sheet.openFailed", { fileName: saved.fileName })));
        },
      });
    } catch (err) {
      notifyError(err, t("sheet.failed"));
    } finally {
      setSaving(null);
    }
  };

  return (
    <section aria-labelledby="entry-sheet-title" className="rounded-2xl border border-slate-200 bg-white px-6 py-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="min-w-0">
          <h2 id="entry-sheet-title" className="text-base font-semibold text-slate-900">
            {t("sheet.title")}
          </h2>
          <p className="mt-1 max-w-xl text-sm text-slate-600">
            {tournament.conflictCount > 0 ? t("sheet.textWithConflicts") : t("sheet.text")}
          </p>
        </div>
        <div role="group" aria-label={t("sheet.title")} className="flex flex-wrap gap-2">
          {FORMATS.map(({ format, label, icon }) => (
            <Button
              key={format}
              variant={format === "pdf" ? "primary" : "secondary"}
              icon={icon}
              busy={saving === format}
              disabled={saving !== null && saving !== format}
              onClick={() => void save(format)}
            >
              {t(label)}
            </Button>
          ))}
        </div>
      </div>
    </section>
  );
}
