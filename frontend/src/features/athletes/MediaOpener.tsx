import { DownloadIcon } from "lucide-react";
import type { TFunction } from "i18next";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ImageViewer } from "../../components/ImageViewer";
import { Button } from "../../components/ui/Button";
import { openMediaExternally, saveMediaCopy } from "../../lib/media";
import { notifyError, notifySuccess } from "../../lib/notify";
import { isImage, type MediaType } from "./documents";

/** A stored file to open: which, what it is, and what to call it (a document's title, "Photo of …"). */
export interface OpenableMedia {
  mediaId: number;
  mediaType: MediaType;
  title: string;
}

export interface MediaOpener {
  /** Images in the app's viewer; PDFs in the system's own viewer. */
  open: (media: OpenableMedia) => void;
  /**
   * A stored image (a photo) in the app's viewer, titled `title`; `copyName` is what the
   * toast after "Save a copy…" calls it ("the photo of Kenji Abe").
   */
  view: (mediaId: number, title: string, copyName: string) => void;
  /** The viewer while it is open; render it anywhere on the page. */
  viewer: ReactNode;
}

/** Opens an athlete's photo and documents, one viewer for the whole page. */
export function useMediaOpener(): MediaOpener {
  const { t } = useTranslation("athletes");
  const [viewing, setViewing] = useState<{ mediaId: number; title: string; copyName: string } | null>(null);

  const open = (media: OpenableMedia) => {
    if (isImage(media.mediaType)) {
      setViewing({ mediaId: media.mediaId, title: media.title, copyName: media.title });
      return;
    }
    openMediaExternally(media.mediaId).catch((err: unknown) =>
      notifyError(err, t("files.openFailed", { title: media.title })),
    );
  };

  const view = (mediaId: number, title: string, copyName: string) => setViewing({ mediaId, title, copyName });

  const viewer = viewing ? (
    <ImageViewer
      mediaId={viewing.mediaId}
      title={viewing.title}
      actions={<SaveCopyButton mediaId={viewing.mediaId} name={viewing.copyName} />}
      onClose={() => setViewing(null)}
    />
  ) : null;

  return { open, view, viewer };
}

/**
 * "Save a copy…": the native save dialog, then the same safe write as a backup. Cancelled,
 * nothing is said; saved, a toast says where. `name` is what the toast calls the file (a
 * document's title, "the photo of Kenji Abe").
 */
export async function saveCopy(mediaId: number, name: string, t: TFunction<"athletes">): Promise<void> {
  try {
    const copy = await saveMediaCopy(mediaId);
    if (copy === null) return;
    notifySuccess(t("files.copySaved", { name }), t("files.copySavedTo", { path: copy.path }));
  } catch (err) {
    notifyError(err, t("files.copyFailed", { name }));
  }
}

/** The viewer's own "Save a copy…" button. */
function SaveCopyButton({ mediaId, name }: { mediaId: number; name: string }) {
  const { t } = useTranslation("athletes");
  const [saving, setSaving] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      busy={saving}
      icon={<DownloadIcon aria-hidden="true" size={16} />}
      onClick={() => {
        setSaving(true);
        void saveCopy(mediaId, name, t).finally(() => setSaving(false));
      }}
    >
      {t("files.saveCopy")}
    </Button>
  );
}
