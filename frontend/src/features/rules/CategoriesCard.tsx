import { CalendarIcon } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { categoryLabel } from "../../components/roster/roster-text";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { api } from "../../lib/bridge";
import { reloadRules, useRules } from "../../lib/use-rules";
import { ladder, weightClassStep } from "../../lib/weight-classes";
import type { AgeCategory } from "../../types/bridge";
import { CategoryEditorDialog } from "./CategoryEditorDialog";
import { RulesLoadState } from "./RulesLoadState";
import { useRuleDelete } from "./use-rule-delete";
import { isKidsBand, LADDER_KEY, LADDERS } from "./weight-class-text";
import { WeightClassesDialog } from "./WeightClassesDialog";

/** The age bands of the active ruleset: add, edit and delete them, and their weight classes. */
export function CategoriesCard() {
  const { t } = useTranslation(["rules", "common"]);
  const state = useRules();
  const [editing, setEditing] = useState<AgeCategory | "new" | null>(null);
  const [classesOf, setClassesOf] = useState<number | null>(null);
  const deletion = useRuleDelete<AgeCategory>({
    deleteRule: (category) => api().rules.deleteCategory(category.id),
    deletedText: (category) => t("categories.deleted", { code: category.code, name: category.name }),
    failedTitle: (category) => t("categories.deleteFailed", { code: category.code, name: category.name }),
  });

  return (
    <Card
      title={t("categories.title")}
      icon={<CalendarIcon />}
      description={
        state.status === "loaded"
          ? t("categories.descriptionWithRuleset", { ruleset: state.value.rules.rulesetName })
          : t("categories.description")
      }
    >
      {state.status !== "loaded" ? (
        <RulesLoadState state={state} onRetry={() => void reloadRules()} />
      ) : (
        <>
          {state.value.rules.categories.length === 0 ? (
            <p className="text-sm text-slate-500">{t("categories.empty")}</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">{t("categories.caption")}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
                  <th scope="col" className="py-2 pr-4 font-semibold">{t("categories.code")}</th>
                  <th scope="col" className="py-2 pr-4 font-semibold">{t("categories.name")}</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">{t("categories.minAge")}</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">{t("categories.maxAge")}</th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">{t("categories.actions")}</span>
                  </th>
                </tr>
              </thead>
              {/* One body per category: its row, then its weight classes under it. */}
              {state.value.rules.categories.map((category) => (
                <tbody key={category.id} className="border-t border-slate-100 first-of-type:border-t-0">
                  <tr>
                    <th scope="row" className="py-2 pr-4 text-left font-semibold text-slate-900">
                      {category.code}
                    </th>
                    <td className="py-2 pr-4 text-slate-800">{category.name}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{category.minAge}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">
                      {category.maxAge ?? <span className="text-slate-500">{t("categories.noLimit")}</span>}
                    </td>
                    <td className="py-1.5 text-right whitespace-nowrap">
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={t("categories.edit", { code: category.code, name: category.name })}
                        onClick={() => setEditing(category)}
                      >
                        {t("common:actions.edit")}
                      </Button>
                      <Button
                        variant="ghostDanger"
                        size="sm"
                        aria-label={t("categories.delete", { code: category.code, name: category.name })}
                        onClick={() => deletion.askDelete(category)}
                      >
                        {t("common:actions.delete")}
                      </Button>
                    </td>
                  </tr>
                  <tr>
                    <td colSpan={5} className="pb-3">
                      <WeightClassLadders category={category} onManage={() => setClassesOf(category.id)} />
                    </td>
                  </tr>
                </tbody>
              ))}
            </table>
          )}
          <div className="mt-4 border-t border-slate-100 pt-4">
            <Button ref={deletion.addButtonRef} variant="secondary" onClick={() => setEditing("new")}>
              {t("categories.add")}
            </Button>
          </div>
        </>
      )}

      {editing !== null ? (
        <CategoryEditorDialog
          category={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {classesOf !== null ? (
        <WeightClassesDialog categoryId={classesOf} onClose={() => setClassesOf(null)} />
      ) : null}
      {deletion.toDelete ? (
        <ConfirmDialog
          title={t("categories.confirmTitle", { code: deletion.toDelete.code, name: deletion.toDelete.name })}
          confirmLabel={t("categories.confirmButton")}
          onConfirm={deletion.confirmDelete}
          onCancel={deletion.cancelDelete}
        >
          <p>{t("categories.confirmText")}</p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}

/** A category's ladders written out ("-48 -52 … +78"), and the button to change them. */
function WeightClassLadders({ category, onManage }: { category: AgeCategory; onManage: () => void }) {
  const { t } = useTranslation("rules");
  const label = categoryLabel(category);
  return (
    <div className="flex flex-wrap items-start gap-x-4 gap-y-2 rounded-lg bg-slate-50 px-3 py-2">
      <dl
        aria-label={t("weightClasses.summaryLabel", { category: label })}
        className="grid min-w-0 flex-1 grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs"
      >
        {LADDERS.map((sex) => {
          const steps = ladder(category.weightClasses, sex).map(weightClassStep);
          return (
            <div key={sex} className="contents">
              <dt className="font-medium text-slate-600">{t(LADDER_KEY[sex])}</dt>
              <dd data-weight-ladder={sex} className="min-w-0 text-slate-800 tabular-nums">
                {steps.length > 0 ? steps.join(" ") : <span className="text-slate-500">{t("weightClasses.none")}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
      <Button
        variant="ghost"
        size="sm"
        aria-label={t("weightClasses.manage", { category: label })}
        onClick={onManage}
      >
        {t("weightClasses.manageShort")}
      </Button>
      {isKidsBand(category) ? (
        <p className="basis-full text-xs text-amber-800">{t("weightClasses.kidsNote")}</p>
      ) : null}
    </div>
  );
}
