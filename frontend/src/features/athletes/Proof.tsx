import { PaperclipIcon } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { controlClass, Field } from "../../components/ui/Field";
import type { Athlete } from "../../types/bridge";
import { DOCUMENT_KINDS } from "./documents";
import type { OpenableMedia } from "./MediaOpener";

interface ProofFieldProps {
  idPrefix: string;
  athlete: Athlete;
  /** The chosen document's id as text; "" for none. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  className?: string;
}

/** "Proof": one of the athlete's documents (a grading certificate, a medal's proof), or none. */
export function ProofField({ idPrefix, athlete, value, onChange, error, className }: ProofFieldProps) {
  const { t } = useTranslation("athletes");
  const none = athlete.documents.length === 0;
  return (
    <Field
      idPrefix={idPrefix}
      name="proofDocumentId"
      label={t("proof.label")}
      error={error}
      hint={none ? t("proof.noDocuments") : t("proof.hint")}
      className={className}
    >
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)} className={controlClass}>
          <option value="">{t("proof.none")}</option>
          {athlete.documents.map((document) => (
            <option key={document.id} value={String(document.id)}>
              {t("proof.option", { title: document.title, kind: t(DOCUMENT_KINDS[document.kind]) })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The form's value as the bridge takes it. */
export function proofDocumentId(value: string): number | null {
  return value === "" ? null : Number(value);
}

interface ProofButtonProps {
  athlete: Athlete;
  proofDocumentId: number | null;
  onOpen: (media: OpenableMedia) => void;
}

/** A paperclip on a history entry with a proof: it opens the document (the viewer, or the PDF viewer). */
export function ProofButton({ athlete, proofDocumentId, onOpen }: ProofButtonProps) {
  const { t } = useTranslation("athletes");
  const document = athlete.documents.find((candidate) => candidate.id === proofDocumentId);
  if (!document) return null;
  const label = t("proof.open", { title: document.title });
  return (
    <Button
      variant="ghost"
      size="sm"
      className="self-start"
      aria-label={label}
      title={label}
      icon={<PaperclipIcon aria-hidden="true" size={16} />}
      onClick={() => onOpen({ mediaId: document.media.id, mediaType: document.media.mediaType, title: document.title })}
    />
  );
}
