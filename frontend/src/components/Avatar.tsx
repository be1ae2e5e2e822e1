import { memo } from "react";
import { useThumbnail } from "../lib/media";
import { cn } from "./ui/cn";

interface AvatarProps {
  /** The stored image (a photo, a logo); null: the initials of `name` stand in. */
  mediaId: number | null;
  /** Whose picture it is, for the initials. */
  name: string;
  /** "round" for a person, "square" for a logo. */
  shape?: "round" | "square";
  /** Sets the size (e.g. "size-7 text-[0.6875rem]"). */
  className?: string;
}

/**
 * A small picture beside a name: the stored thumbnail (lib/media batches and caches them,
 * so a list asks only for the rows it draws), else the name's initials. Decorative: the
 * name is always written beside it, so it is hidden from screen readers. The initials are
 * CSS generated content, not text, so a row's text (and its accessible name) stays the name.
 */
export const Avatar = memo(function Avatar({ mediaId, name, shape = "round", className }: AvatarProps) {
  const frame = cn(
    "flex shrink-0 items-center justify-center overflow-hidden",
    shape === "round" ? "rounded-full" : "rounded-md",
    className,
  );
  if (mediaId !== null) return <Picture mediaId={mediaId} name={name} frame={frame} logo={shape === "square"} />;
  return <Initials name={name} frame={frame} />;
});

/** Only pictures ask for a thumbnail: a row without one costs no hook and no request. */
function Picture({ mediaId, name, frame, logo }: { mediaId: number; name: string; frame: string; logo: boolean }) {
  const url = useThumbnail(mediaId);
  if (url === null) return <Initials name={name} frame={frame} />;
  // A logo is shown whole, on white (many have a transparent background); a photo fills the circle.
  return (
    <span aria-hidden="true" className={cn(frame, logo ? "bg-white" : "bg-slate-100")}>
      <img src={url} alt="" draggable={false} className={cn("size-full", logo ? "object-contain" : "object-cover")} />
    </span>
  );
}

function Initials({ name, frame }: { name: string; frame: string }) {
  return (
    <span
      aria-hidden="true"
      data-initials={initials(name)}
      className={cn(
        frame,
        "bg-slate-200 font-semibold text-slate-700 select-none before:content-[attr(data-initials)]",
      )}
    />
  );
}

/** "Ana Kovač" → "AK", "Kenji" → "K": the first letters of the first and last words. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  const first = (word: string) => Array.from(word)[0] ?? "";
  const letters = words.length === 1 ? first(words[0]) : first(words[0]) + first(words[words.length - 1]);
  return letters.toLocaleUpperCase();
}
