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
  /** A stored image (a photo) in the app's viewer. */
  view: (mediaId: number, title: string) => void;
  /** The viewer while it is open; render it anywhere on the page. */
  viewer: ReactNode;
}

/** Opens an athlete's photo and documents, one viewer for the whole page. */
export function useMediaOpener(): MediaOpener {
  const { t } = useTranslation("athletes");
  const [viewing, setViewing] = useState<{ mediaId: number; title: string } | null>(null);

  const open = (media: OpenableMedia) => {
    if (isImage(media.mediaType)) {
      setViewing({ mediaId: media.mediaId, title: media.title });
      return;
    }
    openMediaExternally(media.mediaId).catch((err: unknown) =>
      notifyError(err, t("files.openFailed", { title: media.title })),
    );
  };

  const view = (mediaId: number, title: string) => setViewing({ mediaId, title });

  const viewer = viewing ? (
    <ImageViewer
      mediaId={viewing.mediaId}
      title={viewing.title}
      actions={<SaveCopyButton mediaId={viewing.mediaId} title={viewing.title} />}
      onClose={() => setViewing(null)}
    />
  ) : null;

  return { open, view, viewer };
}

/**
 * "Save a copy…": the native save dialog, then the same safe write as a backup. Cancelled,
 * nothing is said; saved, a toast says where.
 */
export async function saveCopy(mediaId: number, title: string, t: TFunction<"athletes">): Promise<void> {
  try {
    const copy = await saveMediaCopy(mediaId);
    if (copy === null) return;
    notifySuccess(t("files.copySaved", { title }), t("files.copySavedTo", { path: copy.path }));
  } catch (err) {
    notifyError(err, t("files.copyFailed", { title }));
  }
}

/** The viewer's own "Save a copy…" button. */
function SaveCopyButton({ mediaId, title }: { mediaId: number; title: string }) {
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
        void saveCopy(mediaId, title, t).finally(() => setSaving(false));
      }}
    >
      {t("files.saveCopy")}
    </Button>
  );
}
