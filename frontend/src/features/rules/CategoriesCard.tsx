import { CalendarIcon } from "lucide-react";
import { useState } from "react";
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
  const state = useRules();
  const [editing, setEditing] = useState<AgeCategory | "new" | null>(null);
  const deletion = useRuleDelete<AgeCategory>({
    deleteRule: (category) => api().rules.deleteCategory(category.id),
    nameOf: (category) => `${category.code} ${category.name}`,
  });

  return (
    <Card
      title="Age categories"
      icon={<CalendarIcon />}
      description={
        <>
          Age = season year − birth year. An athlete who fits several categories is shown with the
          most specific (the narrowest band); the roster's filter still finds everyone eligible.
          {state.status === "loaded" ? ` Ruleset: ${state.value.rules.rulesetName}.` : null}
        </>
      }
    >
      {state.status !== "loaded" ? (
        <RulesLoadState state={state} onRetry={() => void reloadRules()} />
      ) : (
        <>
          {state.value.rules.categories.length === 0 ? (
            <p className="text-sm text-slate-500">No age categories yet.</p>
          ) : (
            <table className="w-full text-sm">
              <caption className="sr-only">Age categories, youngest first</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
                  <th scope="col" className="py-2 pr-4 font-semibold">Code</th>
                  <th scope="col" className="py-2 pr-4 font-semibold">Name</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">Min age</th>
                  <th scope="col" className="py-2 pr-4 text-right font-semibold">Max age</th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
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
                      {category.maxAge ?? <span className="text-slate-500">no limit</span>}
                    </td>
                    <td className="py-1.5 text-right whitespace-nowrap">
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Edit ${category.code} ${category.name}`}
                        onClick={() => setEditing(category)}
                      >
                        Edit
                      </Button>
                      <Button
                        variant="ghostDanger"
                        size="sm"
                        aria-label={`Delete ${category.code} ${category.name}`}
                        onClick={() => deletion.askDelete(category)}
                      >
                        Delete
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="mt-4 border-t border-slate-100 pt-4">
            <Button ref={deletion.addButtonRef} variant="secondary" onClick={() => setEditing("new")}>
              Add category
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
          title={`Delete ${deletion.toDelete.code} ${deletion.toDelete.name}?`}
          confirmLabel="Delete category"
          onConfirm={deletion.confirmDelete}
          onCancel={deletion.cancelDelete}
        >
          <p>No athlete is deleted: each is shown with the next category that fits, if any.</p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
