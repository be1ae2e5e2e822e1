import { CalendarIcon } from "lucide-react";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { dateInputPattern, formatDateForInput, parseDateInput } from "../../lib/format";
import { cn } from "./cn";
import type { ControlProps } from "./Field";
import { controlClass } from "./Field";

interface DateInputProps {
  control: ControlProps;
  /** "2012-03-14" once what is typed reads as a date; otherwise the text as typed. */
  value: string;
  onChange: (value: string) => void;
  /** The field's label, for the calendar's name ("Birth date: calendar"). */
  label: string;
  /** The latest day that may be chosen, as "2012-03-14". */
  max?: string;
  autoFocus?: boolean;
}

// Loaded when first opened: the calendar and its date library would add a sixth to the
// start-up bundle for a button most visits never press.
const DateCalendar = lazy(() => import("./DateCalendar"));

function toDate(iso: string): Date | undefined {
  const [year, month, day] = iso.split("-").map(Number);
  return year && month && day ? new Date(year, month - 1, day) : undefined;
}

function toIso(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * A date typed in one field in the app's language's order (dd/mm/yyyy in English), with a
 * calendar beside it. Replaces `<input type="date">`, which follows the system's locale
 * (mm/dd/yyyy on many) and splits the date into three boxes.
 */
export function DateInput({ control, value, onChange, label, max, autoFocus }: DateInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDateForInput(value));
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const selected = parseDateInput(text) ?? undefined;
  const latest = max ? toDate(max) : undefined;

  // Clicking anywhere else closes the calendar, as a drop-down would; so does Escape, which
  // is caught on the window before a dialog around the form (listening on the document)
  // would take it as "close the dialog".
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      event.preventDefault();
      setOpen(false);
      inputRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      window.removeEventListener("keydown", onKeyDown, { capture: true });
    };
  }, [open]);

  const type = (next: string) => {
    setText(next);
    onChange(parseDateInput(next) ?? next);
  };

  const choose = (date: Date) => {
    const iso = toIso(date);
    setText(formatDateForInput(iso));
    onChange(iso);
    setOpen(false);
    inputRef.current?.focus();
  };

  return (
    <div
      ref={boxRef}
      className="relative flex gap-1.5"
    >
      <input
        {...control}
        ref={inputRef}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        autoFocus={autoFocus}
        placeholder={dateInputPattern()}
        value={text}
        onChange={(event) => type(event.target.value)}
        className={controlClass}
      />
      <button
        type="button"
        // Not naming the field: its label must find the text box alone. One date per form.
        aria-label={t("calendar.open")}
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
        className="shrink-0 rounded-lg bg-white px-2.5 text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <CalendarIcon aria-hidden="true" className="size-4" />
      </button>
      {open ? (
        <div
          role="dialog"
          aria-label={t("calendar.name", { label })}
          className={cn("absolute top-full right-0 z-50 mt-1 rounded-xl bg-white p-3 shadow-lg ring-1 ring-slate-200")}
        >
          <Suspense fallback={<p className="p-4 text-sm text-slate-600">{t("calendar.opening")}</p>}>
            <DateCalendar selected={selected ? toDate(selected) : undefined} latest={latest} onSelect={choose} />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
