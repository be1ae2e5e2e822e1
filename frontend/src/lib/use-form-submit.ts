import { useState, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import { isValid, useFieldErrors, type FieldErrors } from "./use-field-errors";

interface FormSubmitOptions {
  /** The checks made here, to save the coach a round trip; Python checks again and has the last word. */
  check: () => FieldErrors;
  /** Runs only when `check` found nothing: the bridge call and whatever follows a saved form. */
  save: () => Promise<void>;
  /** The title of the toast for a failure that belongs to no field. */
  failTitle: string;
}

/** What a form needs from `useFormSubmit`; the form shells take it whole. */
export interface FormSubmit {
  formRef: RefObject<HTMLFormElement | null>;
  errors: FieldErrors;
  /** Forgets one field's error, e.g. as the coach edits it. */
  clear: (name: string) => void;
  /** True while the save runs: Save shows it, Cancel waits for it. */
  saving: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Enter in a select or a date field submits too, as it does in a text field. */
  onKeyDown: (event: KeyboardEvent<HTMLFormElement>) => void;
}

/** Controls where the browser's Enter doesn't submit the form by itself. */
function enterDoesNotSubmit(target: EventTarget): boolean {
  if (target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && target.type === "date";
}

/**
 * A form's submit: its own checks first, then the save. Problems found here or by Python
 * (a ValidationError) go next to their fields; any other failure becomes a toast.
 */
export function useFormSubmit({ check, save, failTitle }: FormSubmitOptions): FormSubmit {
  const [saving, setSaving] = useState(false);
  const { formRef, errors, show, clear, fail } = useFieldErrors();

  const submit = async () => {
    const problems = check();
    if (!isValid(problems)) {
      show(problems);
      return;
    }
    setSaving(true);
    try {
      await save();
    } catch (err) {
      fail(err, failTitle);
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Enter" || event.nativeEvent.isComposing || !enterDoesNotSubmit(event.target)) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  };

  return { formRef, errors, clear, saving, onSubmit, onKeyDown };
}
