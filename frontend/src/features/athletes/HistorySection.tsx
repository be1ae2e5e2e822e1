import { useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { Button } from "../../components/ui/Button";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { FormButtons } from "../../components/ui/FormButtons";
import { notifyError } from "../../lib/notify";
import type { FormSubmit } from "../../lib/use-form-submit";
import { useFocusAfterRender } from "../../lib/use-focus-after-render";
import type { Athlete } from "../../types/bridge";

interface HistoryEditingOptions<T> {
  /** Asks Python to delete the entry; resolves to the athlete without it. */
  deleteEntry: (entry: T) => Promise<Athlete>;
  /** The toast's title when the delete fails, e.g. "Couldn't delete the medal". */
  deleteFailTitle: string;
  /** After a delete: hand the athlete on and say what was deleted. */
  onDeleted: (athlete: Athlete) => void;
}

/** The state of a history section's form and of the delete it is confirming; see `useHistoryEditing`. */
export interface HistoryEditing<T> {
  formOpen: boolean;
  openForm: () => void;
  /** The entry the open form corrects; null when it adds a new one. */
  toEdit: T | null;
  openEdit: (entry: T) => void;
  closeForm: () => void;
  /** The entry whose delete is being confirmed, if any. */
  toDelete: T | null;
  askDelete: (entry: T) => void;
  cancelDelete: () => void;
  confirmDelete: () => Promise<void>;
  /** The section's own button, e.g. "Add medal". */
  buttonRef: RefObject<HTMLButtonElement | null>;
}

/**
 * The form a history section opens in place of its button, and the delete it confirms
 * first. Either way the control that had the focus goes (the form, the entry's Delete
 * button), so the focus goes to the section's button once it is back.
 */
export function useHistoryEditing<T>({
  deleteEntry,
  deleteFailTitle,
  onDeleted,
}: HistoryEditingOptions<T>): HistoryEditing<T> {
  const [formOpen, setFormOpen] = useState(false);
  const [toEdit, setToEdit] = useState<T | null>(null);
  const [toDelete, setToDelete] = useState<T | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const focusButton = useFocusAfterRender(buttonRef);

  const closeForm = () => {
    setFormOpen(false);
    setToEdit(null);
    focusButton();
  };

  const confirmDelete = async () => {
    if (toDelete === null) return;
    let updated: Athlete;
    try {
      updated = await deleteEntry(toDelete);
    } catch (err) {
      // The confirmation stays open: the coach can try again or cancel.
      notifyError(err, deleteFailTitle);
      return;
    }
    setToDelete(null);
    onDeleted(updated);
    focusButton();
  };

  return {
    formOpen,
    openForm: () => {
      setToEdit(null);
      setFormOpen(true);
    },
    toEdit,
    openEdit: (entry: T) => {
      setToEdit(entry);
      setFormOpen(true);
    },
    closeForm,
    toDelete,
    askDelete: setToDelete,
    cancelDelete: () => setToDelete(null),
    confirmDelete,
    buttonRef,
  };
}

interface DeletePrompt<T> {
  /** E.g. "Delete this medal?". */
  title: string;
  /** E.g. "Delete medal". */
  confirmLabel: string;
  /** What exactly goes, and what follows from it. */
  describe: (entry: T) => ReactNode;
}

interface HistorySectionProps<T> {
  title: string;
  /** The button beside the title, e.g. "Record promotion"; it opens `form`. */
  buttonLabel: string;
  editing: HistoryEditing<T>;
  /** Shown above the entries, in place of the button, while open. */
  form: ReactNode;
  deletePrompt: DeletePrompt<T>;
  /** The entries, each with Edit and Delete buttons (`editing.openEdit`, `editing.askDelete`). */
  children: ReactNode;
}

/** A white card with a heading, for the promotion and medal timelines: add to them, delete from them. */
export function HistorySection<T>({
  title,
  buttonLabel,
  editing,
  form,
  deletePrompt,
  children,
}: HistorySectionProps<T>) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      <div className="flex min-h-16 items-center justify-between gap-4 border-b border-slate-100 px-6 py-3">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {title}
        </h3>
        {editing.formOpen ? null : (
          <Button ref={editing.buttonRef} variant="secondary" onClick={editing.openForm}>
            {buttonLabel}
          </Button>
        )}
      </div>
      <div className="px-6 py-5">
        {editing.formOpen ? form : null}
        {children}
        {editing.toDelete !== null ? (
          <ConfirmDialog
            title={deletePrompt.title}
            confirmLabel={deletePrompt.confirmLabel}
            onConfirm={editing.confirmDelete}
            onCancel={editing.cancelDelete}
          >
            {deletePrompt.describe(editing.toDelete)}
          </ConfirmDialog>
        ) : null}
      </div>
    </section>
  );
}

interface HistoryFormProps {
  /** The form's accessible name, e.g. "Add medal". */
  label: string;
  saveLabel: string;
  /** From `useFormSubmit`. */
  form: FormSubmit;
  onCancel: () => void;
  /** The fields, two to a row. */
  children: ReactNode;
}

/** The form that adds an entry to a history, set in the section above its entries. */
export function HistoryForm({ label, saveLabel, form, onCancel, children }: HistoryFormProps) {
  return (
    <form
      ref={form.formRef}
      noValidate
      aria-label={label}
      onSubmit={form.onSubmit}
      onKeyDown={form.onKeyDown}
      className="mb-6 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200 ring-inset"
    >
      <div className="grid grid-cols-2 gap-x-5 gap-y-4">{children}</div>
      <div className="mt-4 flex justify-end gap-3">
        <FormButtons saveLabel={saveLabel} saving={form.saving} onCancel={onCancel} />
      </div>
    </form>
  );
}
