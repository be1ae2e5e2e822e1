import { ArrowDownIcon, ArrowUpIcon, RibbonIcon } from "lucide-react";
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { BeltBadge } from "../../components/BeltBadge";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { api } from "../../lib/bridge";
import { pluralize } from "../../lib/format";
import { notifyError } from "../../lib/notify";
import { publishRules, reloadRules, useRules } from "../../lib/use-rules";
import type { Belt } from "../../types/bridge";
import { BeltEditorDialog } from "./BeltEditorDialog";
import { RulesLoadState } from "./RulesLoadState";
import { useRuleDelete } from "./use-rule-delete";

type Direction = "up" | "down";

/** The belt ladder, lowest first: reorder, rename, recolour, add and delete belts. */
export function BeltsCard() {
  const state = useRules();
  const [editing, setEditing] = useState<Belt | "new" | null>(null);
  const deletion = useRuleDelete<Belt>({
    deleteRule: (belt) => api().rules.deleteBelt(belt.id),
    nameOf: (belt) => `the ${belt.name} belt`,
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
      notifyError(err, "Couldn't reorder the belts");
    } finally {
      moving.current = false;
    }
  };

  return (
    <Card
      title="Belts"
      icon={<RibbonIcon />}
      description="Your club's belt ladder, lowest first. The order is what “next belt” and sorting by belt follow."
    >
      {state.status !== "loaded" ? (
        <RulesLoadState state={state} onRetry={() => void reloadRules()} />
      ) : (
        <>
          <ol ref={listRef} aria-label="Belt ladder, lowest first" className="divide-y divide-slate-100">
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
                <span className="w-24 text-right text-sm text-slate-600 tabular-nums">
                  {pluralize(belt.athleteCount, "athlete")}
                </span>
                <div className="flex shrink-0 items-center gap-1">
                  <IconButton
                    label={`Move ${belt.name} up`}
                    data-move={`${belt.id}-up`}
                    disabled={index === 0}
                    onClick={() => void move(index, "up")}
                  >
                    <ArrowUpIcon size={16} strokeWidth={2} />
                  </IconButton>
                  <IconButton
                    label={`Move ${belt.name} down`}
                    data-move={`${belt.id}-down`}
                    disabled={index === belts.length - 1}
                    onClick={() => void move(index, "down")}
                  >
                    <ArrowDownIcon size={16} strokeWidth={2} />
                  </IconButton>
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Edit ${belt.name}`}
                    onClick={() => setEditing(belt)}
                  >
                    Edit
                  </Button>
                  <Button
                    variant="ghostDanger"
                    size="sm"
                    aria-label={`Delete ${belt.name}`}
                    onClick={() => deletion.askDelete(belt)}
                  >
                    Delete
                  </Button>
                </div>
              </li>
            ))}
          </ol>
          <div className="mt-4 border-t border-slate-100 pt-4">
            <Button ref={deletion.addButtonRef} variant="secondary" onClick={() => setEditing("new")}>
              Add belt
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
          title={`Delete the ${deletion.toDelete.name} belt?`}
          confirmLabel="Delete belt"
          onConfirm={deletion.confirmDelete}
          onCancel={deletion.cancelDelete}
        >
          <p>
            It comes off the ladder. A belt that an athlete holds, or reached in a recorded
            promotion, can't be deleted.
          </p>
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
