import { CalendarIcon } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { api } from "../../lib/bridge";
import { reloadRules, useRules } from "../../lib/use-rules";
import type { AgeCategory } from "../../types/bridge";
import { CategoryEditorDialog } from "./CategoryEditorDialog";
import { RulesLoadState } from "./RulesLoadState";
import { useRuleDelete } from "./use-rule-delete";

/** The age bands of the active ruleset: add, edit and delete them. */
export function CategoriesCard() {
  const { t } = useTranslation(["rules", "common"]);
  const state = useRules();
  const [editing, setEditing] = useState<AgeCategory | "new" | null>(null);
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
              <tbody className="divide-y divide-slate-100">
                {state.value.rules.categories.map((category) => (
                  <tr key={category.id}>
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
                ))}
              </tbody>
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
