import { useRef, useState } from "react";
import { notifyError, notifySuccess } from "../../lib/notify";
import { useFocusAfterRender } from "../../lib/use-focus-after-render";
import { publishRules } from "../../lib/use-rules";
import type { Rules } from "../../types/bridge";

interface RuleDeleteOptions<T> {
  /** Asks Python to delete the rule; resolves to the rules without it. */
  deleteRule: (rule: T) => Promise<Rules>;
  /** The toast once it is deleted, e.g. "Deleted the Yellow belt". */
  deletedText: (rule: T) => string;
  /** The title of the toast when Python refused, e.g. "Couldn't delete the Yellow belt". */
  failedTitle: (rule: T) => string;
}

/**
 * Deleting a belt or an age category once the coach confirmed it. Afterwards, the focus
 * goes to the card's Add button (`addButtonRef`): the rule's Delete button is gone with it.
 */
export function useRuleDelete<T>({ deleteRule, deletedText, failedTitle }: RuleDeleteOptions<T>) {
  const [toDelete, setToDelete] = useState<T | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const focusAddButton = useFocusAfterRender(addButtonRef);

  const confirmDelete = async () => {
    if (toDelete === null) return;
    try {
      publishRules(await deleteRule(toDelete));
      notifySuccess(deletedText(toDelete));
      focusAddButton();
    } catch (err) {
      // Closed all the same: Python refuses a rule still in use, and asking again won't change that.
      notifyError(err, failedTitle(toDelete));
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
