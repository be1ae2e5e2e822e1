// TEMP (#16): a stand-in for the lead's lib/media.ts, with the contract's names, so the
// athlete page typechecks before it lands. Replaced by the lead's file at the merge.
import { useEffect, useState } from "react";
import type { MediaPurpose, PendingFile, SavedCopy } from "../types/bridge";
import { api } from "./bridge";

export function chooseFile(purpose: MediaPurpose): Promise<PendingFile | null> {
  return api().media.chooseFile(purpose);
}

const thumbnails = new Map<number, string | null>();

export function useThumbnail(mediaId: number | null): string | null {
  const [url, setUrl] = useState<string | null>(() => (mediaId === null ? null : (thumbnails.get(mediaId) ?? null)));
  useEffect(() => {
    if (mediaId === null) {
      setUrl(null);
      return;
    }
    let alive = true;
    void api()
      .media.thumbnails([mediaId])
      .then((found) => {
        const hit = found.find((thumbnail) => thumbnail.mediaId === mediaId)?.url ?? null;
        thumbnails.set(mediaId, hit);
        if (alive) setUrl(hit);
      });
    return () => {
      alive = false;
    };
  }, [mediaId]);
  return url;
}

export async function readMediaBlob(mediaId: number, onProgress?: (fraction: number) => void): Promise<Blob> {
  const parts: BlobPart[] = [];
  let offset: number | null = 0;
  let type = "";
  while (offset !== null) {
    const chunk = await api().media.read(mediaId, offset);
    type = chunk.mediaType;
    parts.push(Uint8Array.from(atob(chunk.data), (c) => c.charCodeAt(0)));
    offset = chunk.nextOffset;
    onProgress?.(chunk.total === 0 ? 1 : (offset ?? chunk.total) / chunk.total);
  }
  return new Blob(parts, { type });
}

export function saveMediaCopy(mediaId: number): Promise<SavedCopy | null> {
  return api().media.saveCopy(mediaId);
}

export async function openMediaExternally(mediaId: number): Promise<void> {
  await api().media.openExternally(mediaId);
}
