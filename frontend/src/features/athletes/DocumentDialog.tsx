import { FileImageIcon, FileTextIcon } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateInput } from "../../components/ui/DateInput";
import { controlClass, Field } from "../../components/ui/Field";
import { FormDialog } from "../../components/ui/FormDialog";
import { api } from "../../lib/bridge";
import { dateInputProblem, formatBytes, isIsoDate, todayIso } from "../../lib/format";
import { useThumbnail } from "../../lib/media";
import type { FieldErrors } from "../../lib/use-field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import type { Athlete, PendingFile } from "../../types/bridge";
import {
  DOCUMENT_KINDS,
  FILE_TYPE_NAMES,
  isDocumentKind,
  isImage,
  titleFromFileName,
  type AthleteDocument,
  type DocumentInput,
  type DocumentKind,
  type MediaType,
} from "./documents";

type DocumentDialogProps = {
  athlete: Athlete;
  /** Hands on the athlete as Python has them now, and the title saved. */
  onSaved: (athlete: Athlete, title: string) => void;
  onClose: () => void;
} & (
  | { /** The file just chosen, held by Python until the form is saved. */ pending: PendingFile; document?: undefined }
  | { /** The document to correct; its file stays. */ document: AthleteDocument; pending?: undefined }
);

/**
 * Adds a document (its file already chosen through the native dialog) or corrects one: what
 * it is, its title, the dates on it and notes. Python checks every field again and puts its
 * problems under them.
 */
export function DocumentDialog({ athlete, pending, document, onSaved, onClose }: DocumentDialogProps) {
  const { t } = useTranslation("athletes");
  const idPrefix = useId();
  const [kind, setKind] = useState<DocumentKind | "">(document?.kind ?? "");
  const [title, setTitle] = useState(() => document?.title ?? titleFromFileName(pending?.fileName ?? ""));
  const [issuedOn, setIssuedOn] = useState(document?.issuedOn ?? "");
  const [validUntil, setValidUntil] = useState(document?.validUntil ?? "");
  const [notes, setNotes] = useState(document?.notes ?? "");

  const form = useFormSubmit({
    check: () => {
      const problems: FieldErrors = {};
      if (!kind) problems.kind = t("documents.problems.kindRequired");
      if (!title.trim()) problems.title = t("documents.problems.titleRequired");
      if (issuedOn && !isIsoDate(issuedOn)) problems.issuedOn = dateInputProblem(t("documents.fields.issuedOn"));
      else if (issuedOn > todayIso()) problems.issuedOn = t("documents.problems.issuedFuture");
      if (validUntil && !isIsoDate(validUntil)) problems.validUntil = dateInputProblem(t("documents.fields.validUntil"));
      else if (validUntil && isIsoDate(issuedOn) && validUntil < issuedOn) {
        problems.validUntil = t("documents.problems.validBeforeIssued");
      }
      return problems;
    },
    save: async () => {
      // `check` refused an empty kind; this only tells TypeScript so.
      if (!kind) return;
      const input: DocumentInput = {
        kind,
        title: title.trim(),
        issuedOn: issuedOn || null,
        validUntil: validUntil || null,
        notes: notes.trim() || null,
      };
      const updated = document
        ? await api().athletes.updateDocument(document.id, athlete.revision, input)
        : await api().athletes.addDocument(athlete.id, athlete.revision, pending.token, input);
      onSaved(updated, input.title);
    },
    failTitle: document ? t("documents.saveFailed") : t("documents.addFailed"),
  });
  const { errors, clear } = form;
  const changeIssuedOn = (value: string) => {
    setIssuedOn(value);
    clear("issuedOn");
  };
  const changeValidUntil = (value: string) => {
    setValidUntil(value);
    clear("validUntil");
  };

  const file = pending
    ? { fileName: pending.fileName, mediaType: pending.mediaType, byteSize: pending.byteSize, mediaId: null, thumbnail: pending.thumbnail }
    : {
        fileName: document.media.fileName,
        mediaType: document.media.mediaType,
        byteSize: document.media.byteSize,
        mediaId: document.media.id,
        thumbnail: null,
      };

  return (
    <FormDialog
      title={document ? t("documents.editTitle") : t("documents.addTitle")}
      description={t("documents.formFor", { name: athlete.fullName })}
      width="md"
      form={form}
      saveLabel={document ? t("actions.saveChanges") : t("documents.save")}
      onClose={onClose}
      bodyClassName="grid grid-cols-2 gap-x-5 gap-y-4"
    >
      <ChosenFile {...file} />
      <Field idPrefix={idPrefix} name="kind" label={t("documents.fields.kind")} error={errors.kind}>
        {(control) => (
          <select
            {...control}
            value={kind}
            onChange={(event) => {
              setKind(isDocumentKind(event.target.value) ? event.target.value : "");
              clear("kind");
            }}
            className={controlClass}
          >
            <option value="" disabled>
              {t("actions.choose")}
            </option>
            <option value="birth_certificate">{t(DOCUMENT_KINDS.birth_certificate)}</option>
            <option value="id_card">{t(DOCUMENT_KINDS.id_card)}</option>
            <option value="licence_card">{t(DOCUMENT_KINDS.licence_card)}</option>
            <option value="medical_certificate">{t(DOCUMENT_KINDS.medical_certificate)}</option>
            <option value="grading_certificate">{t(DOCUMENT_KINDS.grading_certificate)}</option>
            <option value="medal_proof">{t(DOCUMENT_KINDS.medal_proof)}</option>
            <option value="other">{t(DOCUMENT_KINDS.other)}</option>
          </select>
        )}
      </Field>
      <Field idPrefix={idPrefix} name="title" label={t("documents.fields.title")} error={errors.title}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            value={title}
            onChange={(event) => {
              setTitle(event.target.value);
              clear("title");
            }}
            className={controlClass}
          />
        )}
      </Field>
      <Field
        idPrefix={idPrefix}
        name="issuedOn"
        label={t("documents.fields.issuedOn")}
        error={errors.issuedOn}
        hint={t("documents.fields.optional")}
      >
        {(control) => (
          <DateInput
            control={control}
            label={t("documents.fields.issuedOn")}
            max={todayIso()}
            value={issuedOn}
            onChange={changeIssuedOn}
          />
        )}
      </Field>
      <Field
        idPrefix={idPrefix}
        name="validUntil"
        label={t("documents.fields.validUntil")}
        error={errors.validUntil}
        hint={t("documents.fields.validUntilHint")}
      >
        {(control) => (
          <DateInput
            control={control}
            label={t("documents.fields.validUntil")}
            value={validUntil}
            onChange={changeValidUntil}
          />
        )}
      </Field>
      <Field idPrefix={idPrefix} name="notes" label={t("fields.notes")} error={errors.notes} className="col-span-2">
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={notes}
            onChange={(event) => {
              setNotes(event.target.value);
              clear("notes");
            }}
            className={controlClass}
          />
        )}
      </Field>
    </FormDialog>
  );
}

interface ChosenFileProps {
  fileName: string;
  mediaType: MediaType;
  byteSize: number;
  /** A stored file's id, for its thumbnail; null for a file only chosen. */
  mediaId: number | null;
  /** A chosen image's thumbnail (a `data:` URL). */
  thumbnail: string | null;
}

/** The file the document keeps: its thumbnail (or its type's icon), name, type and size. */
function ChosenFile({ fileName, mediaType, byteSize, mediaId, thumbnail }: ChosenFileProps) {
  const { t } = useTranslation("athletes");
  const stored = useThumbnail(mediaId);
  const picture = thumbnail ?? stored;
  const Icon = isImage(mediaType) ? FileImageIcon : FileTextIcon;
  return (
    <div className="col-span-2 flex items-center gap-4 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200 ring-inset" data-testid="chosen-file">
      <div className="flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-lg bg-white ring-1 ring-slate-200">
        {picture ? (
          <img src={picture} alt="" className="size-full object-contain" />
        ) : (
          <Icon aria-hidden="true" size={28} strokeWidth={1.75} className="text-slate-500" />
        )}
      </div>
      <div className="min-w-0">
        <p className="text-sm font-semibold break-all text-slate-900">{fileName}</p>
        <p className="text-sm text-slate-600">
          {t("documents.fileLine", { type: FILE_TYPE_NAMES[mediaType], size: formatBytes(byteSize) })}
        </p>
      </div>
    </div>
  );
}
