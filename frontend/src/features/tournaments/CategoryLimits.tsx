import { ChevronDownIcon, SlidersHorizontalIcon } from "lucide-react";
import { memo, useCallback, useState } from "react";
import type { TFunction } from "i18next";
import { cn } from "../../components/ui/cn";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/bridge";
import { notifyError } from "../../lib/notify";
import { useRuleIndex, type RuleIndex } from "../../lib/use-rules";
import type { CategoryLimits as Limits, Tournament, TournamentCategory } from "../../types/bridge";
import { categoryLabel } from "./tournament-text";
import type { TournamentChange } from "./tournaments-store";
import { useStableItems } from "./use-stable-items";

const selectClass =
  "block h-9 w-60 rounded-lg border-0 bg-white py-1.5 pr-8 pl-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-blue-600 focus:outline-none";
const checkboxClass = "size-4 rounded border-slate-400 text-blue-700 accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

/**
 * Per copied age category, what the organiser allows: the lowest belt, and whether it is
 * open to women and to men. An entry outside them is kept, and marked.
 */
export function CategoryLimits({ tournament, change }: { tournament: Tournament; change: TournamentChange }) {
  const { t } = useTranslation("tournaments");
  const rules = useRuleIndex();

  const categories = useStableItems(tournament.categories);
  const id = tournament.id;
  // Folded at first: most tournaments have none, and the entries are what the coach came for.
  const [open, setOpen] = useState(false);
  const limited = categories.filter((category) => category.minBeltId !== null || !category.openToF || !category.openToM).length;

  const save = useCallback(
    (category: TournamentCategory, patch: Partial<Limits>) => {
      change((latest) => {
        // From the limits as the last change left them: a quick second click keeps the first.
        const now = latest.categories.find((candidate) => candidate.id === category.id) ?? category;
        const limits: Limits = { minBeltId: now.minBeltId, openToF: now.openToF, openToM: now.openToM, ...patch };
        return api().tournaments.setCategoryLimits(id, category.id, limits);
      }).catch((err: unknown) => notifyError(err, t("limits.failed", { category: categoryLabel(category) })));
    },
    [id, change, t],
  );

  return (
    <section aria-labelledby="category-limits-title" className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      <div className="flex items-start gap-4 px-6 py-5">
        <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-blue-50 text-blue-700">
          <SlidersHorizontalIcon />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id="category-limits-title" className="text-base font-semibold text-slate-900">
            <button
              type="button"
              aria-expanded={open}
              aria-controls="category-limits-body"
              onClick={() => setOpen((was) => !was)}
              className="-mx-1 inline-flex items-center gap-1.5 rounded px-1 text-left hover:text-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
            >
              {t("limits.title")}
              <ChevronDownIcon aria-hidden="true" size={16} className={cn("transition-transform", open && "rotate-180")} />
            </button>
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {limited === 0 ? t("limits.noneSet") : t("limits.someSet", { count: limited })} {t("limits.text")}
          </p>
        </div>
      </div>
      {!open ? null : categories.length === 0 ? (
        <p id="category-limits-body" className="border-t border-slate-100 px-6 py-5 text-sm text-slate-600">
          {t("limits.none")}
        </p>
      ) : (
        <div id="category-limits-body" className="overflow-x-auto border-t border-slate-100 px-6 py-4">
          <table className="text-left text-sm">
            <thead className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="py-2 pr-4">{t("limits.category")}</th>
                <th scope="col" className="py-2 pr-4">{t("limits.minBelt")}</th>
                <th scope="col" className="px-4 py-2 text-center">{t("limits.women")}</th>
                <th scope="col" className="px-4 py-2 text-center">{t("limits.men")}</th>
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <LimitRow key={category.id} category={category} rules={rules} onChange={save} t={t} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface LimitRowProps {
  category: TournamentCategory;
  rules: RuleIndex | null;
  onChange: (category: TournamentCategory, patch: Partial<Limits>) => void;
  t: TFunction<"tournaments">;
}

const LimitRow = memo(function LimitRow({ category, rules, onChange, t }: LimitRowProps) {
  const label = categoryLabel(category);
  const belts = rules?.rules.belts ?? [];
  // A belt no longer on the ladder still shows, rather than reading as "any belt".
  const unknownBelt = category.minBeltId !== null && rules !== null && !rules.beltById.has(category.minBeltId);
  return (
    <tr className="border-t border-slate-100">
      <th scope="row" className="py-2.5 pr-4 font-normal">
        <span className="font-semibold text-slate-900">{category.code}</span> {category.name}
        <span className="block text-xs text-slate-500">
          {category.maxAge === null
            ? t("limits.agesFrom", { min: category.minAge })
            : t("limits.ages", { min: category.minAge, max: category.maxAge })}
        </span>
      </th>
      <td className="py-2.5 pr-4">
        <select
          aria-label={t("limits.minBeltFor", { category: label })}
          value={category.minBeltId ?? ""}
          onChange={(event) => onChange(category, { minBeltId: event.target.value === "" ? null : Number(event.target.value) })}
          className={selectClass}
        >
          <option value="">{t("limits.anyBelt")}</option>
          {unknownBelt ? <option value={category.minBeltId ?? ""}>{t("limits.unknownBelt")}</option> : null}
          {belts.map((belt) => (
            <option key={belt.id} value={belt.id}>
              {t("limits.beltAndUp", { belt: belt.name })}
            </option>
          ))}
        </select>
      </td>
      <td className="px-4 py-2.5 text-center">
        <input
          type="checkbox"
          aria-label={t("limits.openToWomen", { category: label })}
          checked={category.openToF}
          onChange={(event) => onChange(category, { openToF: event.target.checked })}
          className={checkboxClass}
        />
      </td>
      <td className="px-4 py-2.5 text-center">
        <input
          type="checkbox"
          aria-label={t("limits.openToMen", { category: label })}
          checked={category.openToM}
          onChange={(event) => onChange(category, { openToM: event.target.checked })}
          className={checkboxClass}
        />
      </td>
    </tr>
  );
});
