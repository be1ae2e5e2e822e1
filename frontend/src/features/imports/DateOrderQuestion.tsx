import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";
import type { DateExample, DateOrder } from "../../types/bridge";
import { DATE_ORDER_KEY } from "./import-text";

interface DateOrderQuestionProps {
  /** A date of the file that reads both ways, with both readings. */
  example: DateExample | null;
  value: DateOrder | null;
  disabled: boolean;
  onChange: (order: DateOrder) => void;
}

/**
 * Asked once for the whole file when every date reads both ways (03/05/2011): the coach
 * sees one of its rows read each way and says which is meant.
 */
export function DateOrderQuestion({ example, value, disabled, onChange }: DateOrderQuestionProps) {
  const { t } = useTranslation("imports");
  const name = useId();
  const hintId = useId();
  const readings = [
    { order: "dmy", date: example?.asDmy ?? null },
    { order: "mdy", date: example?.asMdy ?? null },
  ] as const;
  return (
    <fieldset
      disabled={disabled}
      aria-describedby={example ? hintId : undefined}
      className="rounded-xl bg-amber-50 px-4 py-3 ring-1 ring-amber-200 ring-inset"
    >
      <legend className="float-left text-sm font-semibold text-amber-950">{t("dates.question")}</legend>
      {example ? (
        <p id={hintId} className="clear-left pt-1 text-sm text-amber-950">
          {t("dates.example", { text: example.text, row: String(example.row) })}
        </p>
      ) : null}
      <div className="clear-left mt-2 space-y-1.5">
        {readings.map(({ order, date }) => (
          <label key={order} className="flex items-center gap-2.5 text-sm text-slate-900">
            <input
              type="radio"
              name={name}
              value={order}
              checked={value === order}
              onChange={() => onChange(order)}
              className="size-4 accent-blue-700"
            />
            {t(DATE_ORDER_KEY[order], { date: date === null ? t("dates.notADate") : formatDate(date) })}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
