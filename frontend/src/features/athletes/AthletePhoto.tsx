import { ImagePlusIcon } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { api } from "../../lib/bridge";
import { formatLocale } from "../../lib/i18n";
import { chooseFile, useThumbnail } from "../../lib/media";
import { notifyError, notifySuccess } from "../../lib/notify";
import type { Athlete, PendingFile } from "../../types/bridge";

interface AthletePhotoProps {
  athlete: Athlete;
  onChange: (athlete: Athlete) => void;
  /** Shows the full photo in the viewer. */
  onView: (mediaId: number, title: string, copyName: string) => void;
}

/**
 * The athlete's photo in the header (its small thumbnail; their initials without one), with
 * Add / Change / Remove under it. A click on the photo shows it whole, in the viewer.
 */
export function AthletePhoto({ athlete, onChange, onView }: AthletePhotoProps) {
  const { t } = useTranslation("athletes");
  const thumbnail = useThumbnail(athlete.photoId);
  const [busy, setBusy] = useState<"choosing" | "removing" | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const name = athlete.fullName;
  const photoId = athlete.photoId;

  const choose = async () => {
    setBusy("choosing");
    try {
      // The native open dialog: Python reads and checks the file; the page never sees a path.
      let chosen: PendingFile | null;
      try {
        chosen = await chooseFile("photo");
      } catch (err) {
        notifyError(err, t("photo.chooseFailed"));
        return;
      }
      if (chosen === null) return;
      try {
        onChange(await api().athletes.setPhoto(athlete.id, athlete.revision, chosen.token));
      } catch (err) {
        notifyError(err, t("photo.saveFailed", { name }));
        return;
      }
      notifySuccess(t(athlete.photoId === null ? "photo.added" : "photo.changed", { name }));
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    setBusy("removing");
    try {
      onChange(await api().athletes.removePhoto(athlete.id, athlete.revision));
    } catch (err) {
      // The confirmation stays open: the coach can try again or cancel.
      notifyError(err, t("photo.removeFailed", { name }));
      return;
    } finally {
      setBusy(null);
    }
    setConfirmRemove(false);
    notifySuccess(t("photo.removed", { name }));
  };

  const face = thumbnail ? (
    <img src={thumbnail} alt="" className="size-full object-cover" />
  ) : (
    <span aria-hidden="true" className="text-2xl font-semibold text-slate-500">
      {initials(name)}
    </span>
  );
  const frame = "flex size-32 items-center justify-center overflow-hidden rounded-2xl bg-slate-100 ring-1 ring-slate-200";

  return (
    <div className="flex w-32 shrink-0 flex-col items-stretch gap-1">
      {photoId === null ? (
        <div className={frame} data-testid="athlete-photo">
          {face}
        </div>
      ) : (
        <button
          type="button"
          aria-label={t("photo.view", { name })}
          onClick={() => onView(photoId, t("photo.title", { name }), t("photo.copyName", { name }))}
          className={`${frame} cursor-zoom-in focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600`}
          data-testid="athlete-photo"
        >
          {face}
        </button>
      )}
      <Button
        variant="ghost"
        size="sm"
        className="whitespace-nowrap"
        busy={busy === "choosing"}
        disabled={busy !== null}
        icon={athlete.photoId === null ? <ImagePlusIcon aria-hidden="true" size={16} /> : undefined}
        aria-label={athlete.photoId === null ? t("photo.addLabel", { name }) : t("photo.changeLabel", { name })}
        onClick={() => void choose()}
      >
        {athlete.photoId === null ? t("photo.add") : t("photo.change")}
      </Button>
      {athlete.photoId === null ? null : (
        <Button
          variant="ghostDanger"
          size="sm"
          className="whitespace-nowrap"
          disabled={busy !== null}
          aria-label={t("photo.removeLabel", { name })}
          onClick={() => setConfirmRemove(true)}
        >
          {t("photo.remove")}
        </Button>
      )}
      {confirmRemove ? (
        <ConfirmDialog
          title={t("photo.removeTitle", { name })}
          confirmLabel={t("photo.remove")}
          onConfirm={remove}
          onCancel={() => setConfirmRemove(false)}
        >
          {t("photo.removeText")}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** "Kenji Abe" → "KA": the first letters of the first and last names. */
function initials(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => [...word][0] ?? "")
    .join("")
    .toLocaleUpperCase(formatLocale());
}
