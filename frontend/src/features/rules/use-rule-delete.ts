import { useRef, useState } from "react";
import { notifyError, notifySuccess } from "../../lib/notify";
import { useFocusAfterRender } from "../../lib/use-focus-after-render";
import { publishRules } from "../../lib/use-rules";
import type { Rules } from "../../types/bridge";

interface RuleDeleteOptions<T> {
  /** Asks Python to delete the rule; resolves to the rules without it. */
  deleteRule: (rule: T) => Promise<Rules>;
  /** How the question and the toasts name it, e.g. "the Yellow belt", "U18 Cadets". */
  nameOf: (rule: T) => string;
}

/**
 * Deleting a belt or an age category once the coach confirmed it. Afterwards, the focus
 * goes to the card's Add button (`addButtonRef`): the rule's Delete button is gone with it.
 */
export function useRuleDelete<T>({ deleteRule, nameOf }: RuleDeleteOptions<T>) {
  const [toDelete, setToDelete] = useState<T | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const focusAddButton = useFocusAfterRender(addButtonRef);

  const confirmDelete = async () => {
    if (toDelete === null) return;
    try {
      publishRules(await deleteRule(toDelete));
      notifySuccess(`Deleted ${nameOf(toDelete)}`);
      focusAddButton();
    } catch (err) {
      // Closed all the same: Python refuses a rule still in use, and asking again won't change that.
      notifyError(err, `Couldn't delete ${nameOf(toDelete)}`);
    }
    setToDelete(null);
  };

  return {
    toDelete,
    askDelete: (rule: T) => setToDelete(rule),
    cancelDelete: () => setToDelete(null),
    confirmDelete,
    addButtonRef,
  };
}
