import { useSyncExternalStore } from "react";
import type { MediaChunk, PendingFile, SavedCopy } from "../types/bridge";
import { api } from "./bridge";
import { subscribe } from "./data-events";
import { translate } from "./i18n";

/** What a chosen file is for: Python checks it accordingly (a PDF is no photo). */
export type MediaPurpose = "photo" | "logo" | "document";

/**
 * Asks Python to show the native open dialog and check the chosen file. The page never sees
 * a path: it gets the checked file's name, size, thumbnail and the token its form sends.
 * Null when the coach cancelled.
 */
export function chooseFile(purpose: MediaPurpose): Promise<PendingFile | null> {
  return api().media.chooseFile(purpose);
}

/** Writes a copy of a stored file where the coach chooses; null when they cancelled. */
export function saveMediaCopy(mediaId: number): Promise<SavedCopy | null> {
  return api().media.saveCopy(mediaId);
}

/** Opens a stored file (a PDF) in the system's viewer. */
export async function openMediaExternally(mediaId: number): Promise<void> {
  await api().media.openExternally(mediaId);
}

// ---- Thumbnails -------------------------------------------------------------------------
//
// Asked for by the rows in view, the athlete's header, the sidebar and the clubs: every
// request made in the same frame goes to Python as one call, and each answer is kept, so a
// scroll back up asks for nothing. A restore gives the ids other files: the cache empties.

/** undefined: not asked yet; null: the file has no thumbnail (a PDF) or is gone. */
const thumbnails = new Map<number, string | null>();
const wanted = new Set<number>();
const listeners = new Set<() => void>();
let flushScheduled = false;

function notify(): void {
  for (const listener of listeners) listener();
}

subscribe(["data-replaced"], () => {
  thumbnails.clear();
  notify();
});

async function flush(): Promise<void> {
  flushScheduled = false;
  const ids = [...wanted];
  wanted.clear();
  if (ids.length === 0) return;
  try {
    const found = await api().media.thumbnails(ids);
    const urls = new Map(found.map((thumbnail) => [thumbnail.mediaId, thumbnail.url]));
    for (const id of ids) thumbnails.set(id, urls.get(id) ?? null);
  } catch {
    // No thumbnail is no reason to interrupt the coach: the initials stay, and the next
    // time the row comes into view it asks again.
    for (const id of ids) thumbnails.delete(id);
    return;
  }
  notify();
}

function request(mediaId: number): void {
  if (thumbnails.has(mediaId) || wanted.has(mediaId)) return;
  wanted.add(mediaId);
  if (!flushScheduled) {
    flushScheduled = true;
    requestAnimationFrame(() => void flush());
  }
}

function subscribeThumbnails(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The thumbnail of a stored image as a `data:` URL, loaded on first use and shared by every
 * caller; null while loading, for a PDF, and for no file (`mediaId` null).
 */
export function useThumbnail(mediaId: number | null): string | null {
  return useSyncExternalStore(subscribeThumbnails, () => {
    if (mediaId === null) return null;
    const url = thumbnails.get(mediaId);
    if (url === undefined) request(mediaId);
    return url ?? null;
  });
}

// ---- Whole files ------------------------------------------------------------------------

/** How far a file's pieces have come: bytes read of the total. */
export type ReadProgress = (read: number, total: number) => void;

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * A stored file in full, read from Python piece by piece (1 MiB each) rather than as one
 * giant string. Every piece carries the whole file's digest: pieces of two different files
 * (the data was restored between two of them) are refused rather than put together.
 */
export async function readMediaBlob(mediaId: number, onProgress?: ReadProgress): Promise<Blob> {
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  let first: MediaChunk | null = null;
  let offset: number | null = 0;
  while (offset !== null) {
    const chunk: MediaChunk = await api().media.read(mediaId, offset);
    if (first !== null && (chunk.sha256 !== first.sha256 || chunk.offset !== offset)) {
      throw new Error(translate("media.changedWhileReading"));
    }
    first ??= chunk;
    pieces.push(decode(chunk.data));
    offset = chunk.nextOffset;
    onProgress?.(offset ?? chunk.total, chunk.total);
  }
  // The pieces are checked against the digest recorded when the file was kept: a file
  // damaged inside the database (a flipped byte, another program's edit) is said to be, not
  // shown. Saving a copy checks the same in Python.
  const blob = new Blob(pieces, { type: first?.mediaType ?? "application/octet-stream" });
  if (first !== null && (await sha256Hex(blob)) !== first.sha256) {
    throw new Error(translate("media.damaged"));
  }
  return blob;
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
