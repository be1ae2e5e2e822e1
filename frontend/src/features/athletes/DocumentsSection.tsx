import { FileImageIcon, FilePlusIcon, FileTextIcon } from "lucide-react";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { cn } from "../../components/ui/cn";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { api } from "../../lib/bridge";
import { formatBytes, formatDate } from "../../lib/format";
import { chooseFile } from "../../lib/media";
import { notifyError, notifySuccess } from "../../lib/notify";
import { useFocusAfterRender } from "../../lib/use-focus-after-render";
import type { Athlete, PendingFile } from "../../types/bridge";
import { DocumentDialog } from "./DocumentDialog";
import { DOCUMENT_KINDS, FILE_TYPE_NAMES, isImage, VALIDITY, type AthleteDocument, type Validity } from "./documents";
import { saveCopy, type OpenableMedia } from "./MediaOpener";

interface DocumentsSectionProps {
  athlete: Athlete;
  onChange: (athlete: Athlete) => void;
  onOpen: (media: OpenableMedia) => void;
}

type Editing = { pending: PendingFile } | { document: AthleteDocument };

/**
 * The athlete's papers, kept inside the club's database: birth certificate, ID, licence
 * card, medical certificate, grading certificates, medal proofs.
 *
 * Files come in only through "Add document" (the native open dialog, read by Python), never
 * by dropping one on the page: a drop would hand the page the file's bytes or its path,
 * and the page never sends either (Python reads the file it was pointed to through its own
 * dialog, and checks it there). The window refuses a dropped file without loading it
 * (window/guards.py; tests/e2e/test_bridge_guard.py).
 */
export function DocumentsSection({ athlete, onChange, onOpen }: DocumentsSectionProps) {
  const { t } = useTranslation("athletes");
  const headingId = useId();
  const [choosing, setChoosing] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [toDelete, setToDelete] = useState<AthleteDocument | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAdd = useFocusAfterRender(addRef);
  const proofs = toDelete ? proofCount(athlete, toDelete.id) : 0;

  const add = async () => {
    setChoosing(true);
    try {
      const pending = await chooseFile("document");
      if (pending !== null) setEditing({ pending });
    } catch (err) {
      // A refused file (not a photo or PDF, empty, too large): Python says why.
      notifyError(err, t("documents.chooseFailed"));
    } finally {
      setChoosing(false);
    }
  };

  const remove = async () => {
    if (toDelete === null) return;
    try {
      onChange(await api().athletes.deleteDocument(toDelete.id, athlete.revision));
    } catch (err) {
      // The confirmation stays open: the coach can try again or cancel.
      notifyError(err, t("documents.deleteFailed", { title: toDelete.title }));
      return;
    }
    notifySuccess(t("documents.deleted", { title: toDelete.title }));
    setToDelete(null);
    focusAdd();
  };

  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      <div className="flex min-h-16 items-center justify-between gap-4 border-b border-slate-100 px-6 py-3">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {t("documents.title")}
        </h3>
        <Button
          ref={addRef}
          variant="secondary"
          busy={choosing}
          icon={<FilePlusIcon aria-hidden="true" size={16} />}
          onClick={() => void add()}
        >
          {t("documents.add")}
        </Button>
      </div>
      <div className="px-6 py-5">
        {athlete.documents.length === 0 ? (
          <p className="text-sm text-slate-500">{t("documents.none")}</p>
        ) : (
          <ul aria-label={t("documents.listLabel")} className="divide-y divide-slate-100">
            {athlete.documents.map((document) => (
              <DocumentRow
                key={document.id}
                document={document}
                onView={() => onOpen({ mediaId: document.media.id, mediaType: document.media.mediaType, title: document.title })}
                onEdit={() => setEditing({ document })}
                onDelete={() => setToDelete(document)}
              />
            ))}
          </ul>
        )}
      </div>

      {editing ? (
        <DocumentDialog
          // Correcting: fresh fields if the athlete was saved meanwhile (a refused stale
          // write reloads them), so the form shows what is stored.
          key={"document" in editing ? `${editing.document.id}-${athlete.revision}` : editing.pending.token}
          athlete={athlete}
          {...editing}
          onSaved={(updated, title) => {
            const adding = "pending" in editing;
            setEditing(null);
            onChange(updated);
            notifySuccess(t(adding ? "documents.added" : "documents.saved", { title }));
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {toDelete ? (
        <ConfirmDialog
          title={t("documents.deleteTitle")}
          confirmLabel={t("documents.deleteConfirm")}
          onConfirm={remove}
          onCancel={() => setToDelete(null)}
        >
          <p>{t("documents.deleteText", { title: toDelete.title, kind: t(DOCUMENT_KINDS[toDelete.kind]) })}</p>
          {proofs > 0 ? <p className="mt-2">{t("documents.deleteProof", { count: proofs })}</p> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** How many promotions and medals name this document as their proof. */
function proofCount(athlete: Athlete, documentId: number): number {
  return (
    athlete.promotions.filter((promotion) => promotion.proofDocumentId === documentId).length +
    athlete.medals.filter((medal) => medal.proofDocumentId === documentId).length
  );
}

interface DocumentRowProps {
  document: AthleteDocument;
  onView: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

function DocumentRow({ document, onView, onEdit, onDelete }: DocumentRowProps) {
  const { t } = useTranslation("athletes");
  const [saving, setSaving] = useState(false);
  const { media, title } = document;
  const Icon = isImage(media.mediaType) ? FileImageIcon : FileTextIcon;
  const details = [
    t(DOCUMENT_KINDS[document.kind]),
    document.issuedOn ? t("documents.issued", { date: formatDate(document.issuedOn) }) : null,
    t("documents.fileLine", { type: FILE_TYPE_NAMES[media.mediaType], size: formatBytes(media.byteSize) }),
  ].filter((part): part is string => part !== null);

  return (
    <li className="flex flex-wrap items-start gap-x-4 gap-y-2 py-3 first:pt-0 last:pb-0" data-document-id={document.id}>
      <Icon aria-hidden="true" size={22} strokeWidth={1.75} className="mt-0.5 shrink-0 text-slate-500" />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold break-words text-slate-900">{title}</p>
        <p className="text-sm text-slate-600">{details.join(" · ")}</p>
        {document.validUntil ? (
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            {t("documents.validUntil", { date: formatDate(document.validUntil) })}
            {document.validity ? <ValidityBadge validity={document.validity} /> : null}
          </p>
        ) : null}
        {document.notes ? <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{document.notes}</p> : null}
      </div>
      <div className="flex flex-wrap gap-1">
        <Button variant="ghost" size="sm" aria-label={t("documents.viewLabel", { title })} onClick={onView}>
          {t("documents.view")}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          busy={saving}
          aria-label={t("documents.saveCopyLabel", { title })}
          onClick={() => {
            setSaving(true);
            void saveCopy(media.id, title, t).finally(() => setSaving(false));
          }}
        >
          {t("files.saveCopy")}
        </Button>
        <Button variant="ghost" size="sm" aria-label={t("documents.editLabel", { title })} onClick={onEdit}>
          {t("actions.edit")}
        </Button>
        <Button variant="ghostDanger" size="sm" aria-label={t("documents.deleteLabel", { title })} onClick={onDelete}>
          {t("actions.delete")}
        </Button>
      </div>
    </li>
  );
}

function ValidityBadge({ validity }: { validity: Validity }) {
  const { t } = useTranslation("athletes");
  const { label, className } = VALIDITY[validity];
  return (
    <span className={cn("rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset", className)}>{t(label)}</span>
  );
}
