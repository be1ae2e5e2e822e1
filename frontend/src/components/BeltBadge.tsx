import { memo, type CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import type { Belt } from "../types/bridge";
import { cn } from "./ui/cn";

type BeltLook = Pick<Belt, "name" | "color" | "secondColor">;

interface BeltBadgeProps {
  /** null/undefined: no belt recorded (older data), shown as a dash. */
  belt: BeltLook | null | undefined;
  size?: "sm" | "md";
  className?: string;
}

const DARK_TEXT = "#0f172a";
const LIGHT_TEXT = "#ffffff";

/**
 * A belt as a pill in its own colours: a two-coloured belt (white-yellow, red-and-white)
 * is split down the middle. Its accessible name is "Belt: <name>"; the colours are never
 * the only way to tell belts apart, the name is always written on it.
 */
export const BeltBadge = memo(function BeltBadge({ belt, size = "sm", className }: BeltBadgeProps) {
  const { t } = useTranslation();
  if (!belt) {
    return (
      <span className={cn("text-slate-500", className)}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t("belt.none")}</span>
      </span>
    );
  }
  return (
    <span
      role="img"
      aria-label={t("belt.named", { name: belt.name })}
      title={belt.name}
      style={beltStyle(belt.color, belt.secondColor)}
      className={cn(
        "inline-block max-w-full truncate rounded-full align-middle font-semibold whitespace-nowrap",
        size === "sm" ? "px-2.5 py-0.5 text-xs" : "px-3 py-1 text-sm",
        className,
      )}
    >
      {belt.name}
    </span>
  );
});

const styleCache = new Map<string, CSSProperties>();

/** Background, readable text colour and a hairline edge (so a white belt shows on white). */
function beltStyle(color: string, secondColor: string | null): CSSProperties {
  const key = `${color}|${secondColor ?? ""}`;
  let style = styleCache.get(key);
  if (!style) {
    const colors = secondColor ? [color, secondColor] : [color];
    const text = bestText(colors);
    style = {
      background: secondColor ? `linear-gradient(90deg, ${color} 50%, ${secondColor} 50%)` : color,
      color: text.color,
      boxShadow: "inset 0 0 0 1px rgb(15 23 42 / 0.2)",
      // Two colours so far apart that no text colour reads well on both: outline the letters.
      textShadow:
        text.contrast < 3
          ? `0 0 2px ${text.color === DARK_TEXT ? LIGHT_TEXT : DARK_TEXT}`
          : undefined,
    };
    styleCache.set(key, style);
  }
  return style;
}

/** The text colour whose worst contrast over all the belt's colours is best. */
function bestText(colors: string[]): { color: string; contrast: number } {
  const worst = (text: string) => Math.min(...colors.map((c) => contrast(text, c)));
  const dark = worst(DARK_TEXT);
  const light = worst(LIGHT_TEXT);
  return dark >= light ? { color: DARK_TEXT, contrast: dark } : { color: LIGHT_TEXT, contrast: light };
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function luminance(hex: string): number {
  const value = Number.parseInt(hex.replace("#", "").padEnd(6, "0").slice(0, 6), 16);
  if (Number.isNaN(value)) return 1;
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}
