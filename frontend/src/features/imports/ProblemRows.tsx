import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ImportProblem } from "../../types/bridge";

/**
 * The rows left out and why, by the row number the spreadsheet shows. Python sends the first
 * ones (`total` counts them all); the list scrolls inside the dialog.
 */
export function ProblemRows({ problems, total }: { problems: readonly ImportProblem[]; total: number }) {
  const { t } = useTranslation("imports");
  const headingId = useId();
  if (total === 0) return null;
  const more = total - problems.length;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {t("problems.title", { count: total })}
      </h3>
      <p className="mt-0.5 text-sm text-slate-600">{t("problems.hint")}</p>
      {/* Focusable, so the keyboard can scroll it. */}
      <ul
        tabIndex={0}
        aria-labelledby={headingId}
        className="mt-2 max-h-48 space-y-1 overflow-y-auto rounded-xl bg-slate-50 px-4 py-3 text-sm text-slate-800 ring-1 ring-slate-200 ring-inset focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        {problems.map((problem, i) => (
          <li key={`${problem.row}-${i}`}>{t("problems.row", { row: String(problem.row), message: problem.message })}</li>
        ))}
        {more > 0 ? <li className="text-slate-600">{t("problems.more", { count: more })}</li> : null}
      </ul>
    </section>
  );
}
