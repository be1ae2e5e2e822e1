import { ImageIcon } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Avatar } from "../../components/Avatar";
import { Button } from "../../components/ui/Button";
import { formatBytes } from "../../lib/format";
import { chooseFile } from "../../lib/media";
import { notifyError } from "../../lib/notify";
import { KEEP_LOGO, type LogoChange } from "./logo-change";

interface LogoPickerProps {
  /** The logo stored now, if any. */
  logoId: number | null;
  /** Whose logo: the initials stand in without one. */
  name: string;
  change: LogoChange;
  onChange: (change: LogoChange) => void;
  disabled: boolean;
}

/**
 * The logo part of a form: what it will be after Save (the stored one, the file just chosen,
 * or none), "Choose logo…" (the native open dialog; Python reads and checks the file) and
 * "Remove logo".
 */
export function LogoPicker({ logoId, name, change, onChange, disabled }: LogoPickerProps) {
  const { t } = useTranslation("clubs");
  const [choosing, setChoosing] = useState(false);
  /** The stored logo stays after Save. */
  const stored = change.kind === "keep" && logoId !== null;

  const choose = async () => {
    setChoosing(true);
    try {
      const file = await chooseFile("logo");
      if (file) onChange({ kind: "choose", file });
    } catch (err) {
      // A refused file (not an image, too large…): Python's message says why.
      notifyError(err, t("logo.chooseFailed"));
    } finally {
      setChoosing(false);
    }
  };

  return (
    <fieldset className="col-span-2 flex items-center gap-4 rounded-xl bg-slate-50 px-4 py-3 ring-1 ring-slate-200 ring-inset">
      <legend className="sr-only">{t("logo.legend")}</legend>
      {change.kind === "choose" && change.file.thumbnail ? (
        <img
          src={change.file.thumbnail}
          alt={t("logo.chosenAlt")}
          className="size-14 shrink-0 rounded-lg bg-white object-contain ring-1 ring-slate-200"
        />
      ) : stored ? (
        <Avatar mediaId={logoId} name={name} shape="square" className="size-14 text-base ring-1 ring-slate-200" />
      ) : (
        <span aria-hidden="true" className="flex size-14 shrink-0 items-center justify-center rounded-lg bg-white text-slate-400 ring-1 ring-slate-200">
          <ImageIcon />
        </span>
      )}
      <div className="min-w-0 flex-1 text-sm">
        <p className="font-medium text-slate-800">{t("logo.label")}</p>
        <p className="truncate text-slate-600" aria-live="polite">
          {change.kind === "choose"
            ? t("logo.chosen", { file: change.file.fileName, size: formatBytes(change.file.byteSize) })
            : change.kind === "remove"
              ? t("logo.removed")
              : stored
                ? t("logo.current")
                : t("logo.none")}
        </p>
      </div>
      <div className="flex shrink-0 flex-wrap justify-end gap-2">
        <Button variant="secondary" size="sm" busy={choosing} disabled={disabled} onClick={() => void choose()}>
          {change.kind === "choose" ? t("logo.chooseAnother") : stored ? t("logo.change") : t("logo.choose")}
        </Button>
        {change.kind === "choose" ? (
          <Button variant="ghost" size="sm" disabled={disabled || choosing} onClick={() => onChange(KEEP_LOGO)}>
            {t("logo.discard")}
          </Button>
        ) : change.kind === "remove" ? (
          <Button variant="ghost" size="sm" disabled={disabled || choosing} onClick={() => onChange(KEEP_LOGO)}>
            {t("logo.keep")}
          </Button>
        ) : stored ? (
          <Button variant="ghostDanger" size="sm" disabled={disabled || choosing} onClick={() => onChange({ kind: "remove" })}>
            {t("logo.remove")}
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}
