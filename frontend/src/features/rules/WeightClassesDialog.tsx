import { InfoIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { categoryLabel } from "../../components/roster/roster-text";
import { Button } from "../../components/ui/Button";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { Dialog, DialogFooter } from "../../components/ui/Dialog";
import { api } from "../../lib/bridge";
import { notifyError, notifySuccess } from "../../lib/notify";
import { useFocusAfterRender } from "../../lib/use-focus-after-render";
import { publishRules, useRuleIndex } from "../../lib/use-rules";
import { ladder, weightClassLabel } from "../../lib/weight-classes";
import type { AgeCategory, Sex, WeightClass } from "../../types/bridge";
import { WeightClassEditorDialog } from "./WeightClassEditorDialog";
import { isKidsBand, LADDER_KEY, LADDERS } from "./weight-class-text";

interface WeightClassesDialogProps {
  categoryId: number;
  onClose: () => void;
}

/** The class being added (no `weightClass`) or changed, on one sex's ladder. */
interface Editing {
  sex: Sex;
  weightClass?: WeightClass;
}

/**
 * One age category's weight classes, women's and men's ladders side by side: add, change
 * and delete them. It reads the category from the shared rules, so every change shows at
 * once, and closes if the category is gone (deleted, or replaced by a restore).
 */
export function WeightClassesDialog({ categoryId, onClose }: WeightClassesDialogProps) {
  const { t } = useTranslation(["rules", "common"]);
  const rules = useRuleIndex();
  const category = rules?.categoryById.get(categoryId);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [toDelete, setToDelete] = useState<WeightClass | null>(null);
  // After a delete the class's buttons are gone: focus goes to its ladder's Add button.
  const addButtons = useRef<Partial<Record<Sex, HTMLButtonElement | null>>>({});
  const focusTarget = useRef<HTMLButtonElement | null>(null);
  const focusAfterRender = useFocusAfterRender(focusTarget);

  const gone = rules !== null && category === undefined;
  useEffect(() => {
    if (gone) onClose();
  }, [gone, onClose]);
  if (!category) return null;

  const label = categoryLabel(category);
  const ladderName = (sex: Sex) => t(LADDER_KEY[sex]);

  const confirmDelete = async () => {
    if (toDelete === null) return;
    const words = { label: weightClassLabel(toDelete), category: label, ladder: ladderName(toDelete.sex) };
    try {
      publishRules(await api().rules.deleteWeightClass(toDelete.id));
      notifySuccess(t("weightClasses.deleted", words));
      focusTarget.current = addButtons.current[toDelete.sex] ?? null;
      focusAfterRender();
    } catch (err) {
      // Closed all the same: asking again won't change Python's answer.
      notifyError(err, t("weightClasses.deleteFailed", words));
    }
    setToDelete(null);
  };

  return (
    <Dialog
      title={t("weightClasses.dialogTitle", { category: label })}
      description={t("weightClasses.order")}
      width="lg"
      onClose={onClose}
    >
      <div className="space-y-4 px-7 pt-5">
        {isKidsBand(category) ? <KidsNote /> : null}
        <div className="grid gap-6 sm:grid-cols-2">
          {LADDERS.map((sex) => (
            <Ladder
              key={sex}
              category={category}
              sex={sex}
              addRef={(button) => {
                addButtons.current[sex] = button;
              }}
              onAdd={() => setEditing({ sex })}
              onEdit={(weightClass) => setEditing({ sex, weightClass })}
              onDelete={setToDelete}
            />
          ))}
        </div>
      </div>
      <DialogFooter>
        <Button variant="secondary" onClick={onClose}>
          {t("weightClasses.close")}
        </Button>
      </DialogFooter>

      {editing ? (
        <WeightClassEditorDialog
          category={category}
          sex={editing.sex}
          weightClass={editing.weightClass}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {toDelete ? (
        <ConfirmDialog
          title={t("weightClasses.confirmTitle", {
            label: weightClassLabel(toDelete),
            category: label,
            ladder: ladderName(toDelete.sex),
          })}
          confirmLabel={t("weightClasses.confirmButton")}
          onConfirm={confirmDelete}
          onCancel={() => setToDelete(null)}
        >
          <p>{t("weightClasses.confirmText")}</p>
        </ConfirmDialog>
      ) : null}
    </Dialog>
  );
}

interface LadderProps {
  category: AgeCategory;
  sex: Sex;
  addRef: (button: HTMLButtonElement | null) => void;
  onAdd: () => void;
  onEdit: (weightClass: WeightClass) => void;
  onDelete: (weightClass: WeightClass) => void;
}

/** One sex's classes, lightest first, each with Edit and Delete, and Add below. */
function Ladder({ category, sex, addRef, onAdd, onEdit, onDelete }: LadderProps) {
  const { t } = useTranslation(["rules", "common"]);
  const classes = ladder(category.weightClasses, sex);
  const ladderName = t(LADDER_KEY[sex]);
  const headingId = `weight-ladder-${category.id}-${sex}`;
  return (
    <section aria-labelledby={headingId} className="min-w-0">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {ladderName}
      </h3>
      {classes.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("weightClasses.none")}</p>
      ) : (
        <ol
          aria-label={t("weightClasses.ladderLabel", { ladder: ladderName })}
          className="mt-1 divide-y divide-slate-100"
        >
          {classes.map((weightClass) => {
            const label = weightClassLabel(weightClass);
            // A named class also says its limit: the name alone doesn't tell where it ends.
            const limit = weightClass.name ? weightClassLabel({ ...weightClass, name: null }) : null;
            const words = { label, ladder: ladderName };
            return (
              <li key={weightClass.id} className="flex items-center gap-2 py-1.5">
                <span data-weight-class className="min-w-0 flex-1 truncate text-sm">
                  <span className="font-medium text-slate-900 tabular-nums">{label}</span>
                  {limit ? (
                    <>
                      {" "}
                      <span className="ml-1 text-xs text-slate-500 tabular-nums">{limit}</span>
                    </>
                  ) : null}
                </span>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t("weightClasses.edit", words)}
                  onClick={() => onEdit(weightClass)}
                >
                  {t("common:actions.edit")}
                </Button>
                <Button
                  variant="ghostDanger"
                  size="sm"
                  aria-label={t("weightClasses.delete", words)}
                  onClick={() => onDelete(weightClass)}
                >
                  {t("common:actions.delete")}
                </Button>
              </li>
            );
          })}
        </ol>
      )}
      <Button
        ref={addRef}
        variant="secondary"
        size="sm"
        className="mt-2"
        aria-label={t("weightClasses.addTo", { ladder: ladderName })}
        onClick={onAdd}
      >
        {t("weightClasses.add")}
      </Button>
    </section>
  );
}

/** Kids' bands: the defaults are a start, not a rule. */
export function KidsNote() {
  const { t } = useTranslation("rules");
  return (
    <p className="flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
      <InfoIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      {t("weightClasses.kidsNote")}
    </p>
  );
}
