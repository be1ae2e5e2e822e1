import { Columns3Icon } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import type { ColumnChoice } from "../../types/bridge";

interface ColumnChooserProps {
  /** Python's list: every column the roster report can show, in its order, and which are shown. */
  choices: readonly ColumnChoice[];
  /** The keys the request asks for (empty: Python's default set, as `choices` marks it). */
  requested: readonly string[];
  /** The keys to show, in Python's order. */
  onChange: (columns: string[]) => void;
}

/**
 * "Columns": which of the roster's columns the report shows (and saves). A button that
 * unfolds a list of checkboxes; Escape or a click elsewhere folds it. The last column shown
 * can't be taken away: a report of no columns says nothing.
 */
export function ColumnChooser({ choices, requested, onChange }: ColumnChooserProps) {
  const { t } = useTranslation("reports");
  const [open, setOpen] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  // The boxes follow the request at once, not Python's answer a moment later: a box that
  // stayed unticked until then would look as if the click was lost.
  const shown = (choice: ColumnChoice) => (requested.length > 0 ? requested.includes(choice.key) : choice.chosen);
  const chosen = choices.filter(shown);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  const toggle = (key: string, show: boolean) => {
    onChange(choices.filter((choice) => (choice.key === key ? show : shown(choice))).map((choice) => choice.key));
  };

  return (
    <div ref={boxRef} className="relative">
      <Button
        ref={buttonRef}
        variant="secondary"
        icon={<Columns3Icon size={16} />}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        {t("columns.button", { count: chosen.length })}
      </Button>
      <fieldset
        id={panelId}
        hidden={!open}
        className="absolute top-full left-0 z-30 mt-1 max-h-96 w-64 overflow-y-auto rounded-xl bg-white p-3 shadow-lg ring-1 ring-slate-200"
      >
        <legend className="sr-only">{t("columns.legend")}</legend>
        <p aria-hidden="true" className="mb-2 text-xs font-medium text-slate-600">
          {t("columns.legend")}
        </p>
        <ul className="space-y-1">
          {choices.map((choice) => {
            const checked = shown(choice);
            const last = checked && chosen.length === 1;
            return (
              <li key={choice.key}>
                <label className="flex cursor-pointer items-center gap-2 rounded-md px-1.5 py-1 text-sm text-slate-800 hover:bg-slate-50">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={last}
                    title={last ? t("columns.last") : undefined}
                    onChange={(event) => toggle(choice.key, event.target.checked)}
                    className="size-4 rounded border-slate-300 text-blue-700 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600"
                  />
                  {choice.label}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
}
