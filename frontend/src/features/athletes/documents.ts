import type { Athlete, AthletesApi, PendingFile } from "../../types/bridge";

// Named from the shapes that hold them, whatever the generated file calls them.
/** One of an athlete's documents, as `athletes.get` gives it. */
export type AthleteDocument = Athlete["documents"][number];
/** The document form, as `addDocument` and `updateDocument` take it. */
export type DocumentInput = Parameters<AthletesApi["updateDocument"]>[2];
export type DocumentKind = AthleteDocument["kind"];
/** A licence's or a medical certificate's effective date, and what it means today. */
export type Paper = Athlete["licence"];
/** expired, expiring (within 30 days), valid. */
export type Validity = NonNullable<AthleteDocument["validity"]>;
/** What a stored file is, recognised by its content. */
export type MediaType = PendingFile["mediaType"];

/**
 * Each kind's word in the catalog, in the order the form offers them: literal keys, so the
 * catalog test sees them used.
 */
export const DOCUMENT_KINDS = {
  birth_certificate: "documents.kind.birth_certificate",
  id_card: "documents.kind.id_card",
  licence_card: "documents.kind.licence_card",
  medical_certificate: "documents.kind.medical_certificate",
  grading_certificate: "documents.kind.grading_certificate",
  medal_proof: "documents.kind.medal_proof",
  other: "documents.kind.other",
} as const satisfies Record<DocumentKind, string>;

export function isDocumentKind(value: string): value is DocumentKind {
  return value in DOCUMENT_KINDS;
}

/** A validity's badge text and colours; the word is always there, the colour is never the only clue. */
export const VALIDITY = {
  expired: { label: "documents.validity.expired", className: "bg-red-50 text-red-800 ring-red-300" },
  expiring: { label: "documents.validity.expiring", className: "bg-amber-50 text-amber-900 ring-amber-300" },
  valid: { label: "documents.validity.valid", className: "bg-emerald-50 text-emerald-800 ring-emerald-300" },
} as const satisfies Record<Validity, { label: string; className: string }>;

/** The name a coach knows a stored file's type by: "PDF", "JPEG" (not translated: they are names). */
export const FILE_TYPE_NAMES: Record<MediaType, string> = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "application/pdf": "PDF",
};

/** True for what the in-app viewer shows; the rest (PDFs) opens in the system's viewer. */
export function isImage(mediaType: MediaType): boolean {
  return mediaType !== "application/pdf";
}

/** "Birth certificate scan.pdf" → "Birth certificate scan": a first title for the document. */
export function titleFromFileName(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return stem.trim();
}

/** Whole days from today (on this computer) to `isoDate`; negative once it has passed. */
export function daysUntil(isoDate: string, now: Date = new Date()): number {
  const [year, month, day] = isoDate.split("-").map(Number);
  const then = Date.UTC(year, month - 1, day);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((then - today) / 86_400_000);
}
