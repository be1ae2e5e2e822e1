import { FolderOpenIcon, LifeBuoyIcon } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { api } from "../../lib/bridge";
import { notifyError } from "../../lib/notify";

interface RescueScreenProps {
  /** Python's words for what is wrong with the data, and what to do. */
  message: string;
  /** Opens the native dialog to choose a backup (the restore feature's, composed by the app). */
  onRestore: () => void;
  /** A backup is being chosen, checked or restored. */
  busy: boolean;
}

/**
 * What the app shows instead of its pages when the club's data on this computer is damaged:
 * the way to a backup, and to the folder where the damaged file will be kept.
 */
export function RescueScreen({ message, onRestore, busy }: RescueScreenProps) {
  const { t } = useTranslation("rescue");
  const showFolder = () => {
    api()
      .system.showDataFolder()
      .catch((err: unknown) => notifyError(err, t("folderFailed")));
  };
  return (
    <main className="flex h-screen items-center justify-center overflow-y-auto bg-slate-50 px-6 py-10 text-slate-900">
      <section
        aria-labelledby="rescue-title"
        className="w-full max-w-xl rounded-2xl bg-white p-8 shadow-sm ring-1 ring-slate-200"
      >
        <div className="flex items-center gap-3 text-red-700">
          <LifeBuoyIcon size={28} aria-hidden="true" />
          <h1 id="rescue-title" className="text-xl font-semibold tracking-tight text-slate-900">
            {t("title")}
          </h1>
        </div>
        <p role="alert" className="mt-4 text-[15px] leading-relaxed text-slate-800">
          {message}
        </p>
        <p className="mt-3 text-sm leading-relaxed text-slate-600">{t("help")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Button variant="primary" busy={busy} onClick={onRestore}>
            {t("restore")}
          </Button>
          <Button variant="secondary" icon={<FolderOpenIcon size={16} />} onClick={showFolder}>
            {t("showFolder")}
          </Button>
        </div>
      </section>
    </main>
  );
}
