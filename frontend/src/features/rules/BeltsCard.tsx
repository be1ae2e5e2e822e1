import { ArrowDownIcon, ArrowUpIcon, RibbonIcon } from "lucide-react";
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { BeltBadge } from "../../components/BeltBadge";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { api } from "../../lib/bridge";
import { notifyError } from "../../lib/notify";
import { countWords } from "../../lib/record-counts";
import { publishRules, reloadRules, useRules } from "../../lib/use-rules";
import type { Belt } from "../../types/bridge";
import { BeltEditorDialog } from "./BeltEditorDialog";
import { RulesLoadState } from "./RulesLoadState";
import { useRuleDelete } from "./use-rule-delete";

type Direction = "up" | "down";

/** "3 athletes": who holds the belt now. */
const athletesOf = (belt: Belt) => countWords("athletes", belt.athleteCount);

/** The belt ladder, lowest first: reorder, rename, recolour, add and delete belts. */
export function BeltsCard() {
  const { t } = useTranslation(["rules", "common"]);
  const state = useRules();
  /** "6 months · 15 years", "3 months", or "No minimum": what promotion to the belt asks. */
  const minimumsOf = (belt: Belt) => {
    const parts = [
      belt.minMonths === null ? null : t("belts.months", { count: belt.minMonths }),
      belt.minAge === null ? null : t("belts.years", { count: belt.minAge }),
    ].filter((part) => part !== null);
    return parts.length ? parts.join(" · ") : t("belts.noMinimum");
  };
  const [editing, setEditing] = useState<Belt | "new" | null>(null);
  const deletion = useRuleDelete<Belt>({
    deleteRule: (belt) => api().rules.deleteBelt(belt.id),
    deletedText: (belt) => t("belts.deleted", { name: belt.name }),
    failedTitle: (belt) => t("belts.deleteFailed", { name: belt.name }),
  });
  const listRef = useRef<HTMLOListElement>(null);
  const moving = useRef(false);
  /** The move button to give focus back to once the ladder is redrawn. */
  const [refocus, setRefocus] = useState<{ id: number; direction: Direction } | null>(null);

  // A moved row is re-inserted in the DOM, which drops its focus: put it back on the same
  // button, or on the other one when the belt reached an end of the ladder.
  useLayoutEffect(() => {
    if (!refocus || !listRef.current) return;
    const button = (direction: Direction) =>
      listRef.current?.querySelector<HTMLButtonElement>(`[data-move="${refocus.id}-${direction}"]`);
    const same = button(refocus.direction);
    const other = button(refocus.direction === "up" ? "down" : "up");
    (same && !same.disabled ? same : other)?.focus();
    setRefocus(null);
  }, [refocus, state]);

  const belts = state.status === "loaded" ? state.value.rules.belts : [];

  const move = async (index: number, direction: Direction) => {
    const target = index + (direction === "up" ? -1 : 1);
    const belt = belts[index];
    const other = belts[target];
    // One move at a time: a second click must not reorder from a ladder already out of date.
    if (!belt || !other || moving.current) return;
    moving.current = true;
    const ids = belts.map((b) => b.id);
    ids[index] = other.id;
    ids[target] = belt.id;
    try {
      publishRules(await api().rules.reorderBelts(ids));
      setRefocus({ id: belt.id, direction });
    } catch (err) {
      notifyError(err, t("belts.reorderFailed"));
    } finally {
      moving.current = false;
    }
  };

  return (
    <Card
      title={t("belts.title")}
      icon={<RibbonIcon />}
      description={t("belts.description")}
    >
      {state.status !== "loaded" ? (
        <RulesLoadState state={state} onRetry={() => void reloadRules()} />
      ) : (
        <>
          <ol ref={listRef} aria-label={t("belts.ladder")} className="divide-y divide-slate-100">
            {belts.map((belt, index) => (
              <li key={belt.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <span className="w-6 shrink-0 text-right text-xs text-slate-500 tabular-nums" aria-hidden="true">
                  {index + 1}
                </span>
                {/* Never narrower than a long name: the row wraps first. */}
                <div className="min-w-36 flex-1">
                  <BeltBadge belt={belt} />
                </div>
                <span className="w-10 text-xs font-medium text-slate-500 uppercase">{belt.kind}</span>
                <span className="w-36 text-sm text-slate-600 tabular-nums">
                  <span className="sr-only">{t("belts.minimumsLabel")} </span>
                  {minimumsOf(belt)}
                </span>
                <span className="w-24 text-right text-sm text-slate-600 tabular-nums">
                  {athletesOf(belt)}
                </span>
                <div className="flex shrink-0 items-center gap-1">
                  <IconButton
                    label={t("belts.moveUp", { name: belt.name })}
                    data-move={`${belt.id}-up`}
                    disabled={index === 0}
                    onClick={() => void move(index, "up")}
                  >
                    <ArrowUpIcon size={16} strokeWidth={2} />
                  </IconButton>
                  <IconButton
                    label={t("belts.moveDown", { name: belt.name })}
                    data-move={`${belt.id}-down`}
                    disabled={index === belts.length - 1}
                    onClick={() => void move(index, "down")}
                  >
                    <ArrowDownIcon size={16} strokeWidth={2} />
                  </IconButton>
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t("belts.edit", { name: belt.name })}
                    onClick={() => setEditing(belt)}
                  >
                    {t("common:actions.edit")}
                  </Button>
                  <Button
                    variant="ghostDanger"
                    size="sm"
                    aria-label={t("belts.delete", { name: belt.name })}
                    onClick={() => deletion.askDelete(belt)}
                  >
                    {t("common:actions.delete")}
                  </Button>
                </div>
              </li>
            ))}
          </ol>
          <div className="mt-4 border-t border-slate-100 pt-4">
            <Button ref={deletion.addButtonRef} variant="secondary" onClick={() => setEditing("new")}>
              {t("belts.add")}
            </Button>
          </div>
        </>
      )}

      {editing !== null ? (
        <BeltEditorDialog
          belt={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {deletion.toDelete ? (
        <ConfirmDialog
          title={t("belts.confirmTitle", { name: deletion.toDelete.name })}
          confirmLabel={t("belts.confirmButton")}
          onConfirm={deletion.confirmDelete}
          onCancel={deletion.cancelDelete}
        >
          <p>{t("belts.confirmText")}</p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}

interface IconButtonProps {
  label: string;
  disabled: boolean;
  onClick: () => void;
  "data-move": string;
  children: ReactNode;
}

function IconButton({ label, disabled, onClick, children, ...rest }: IconButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      {...rest}
      className="flex size-8 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-30"
    >
      {children}
    </button>
  );
}
