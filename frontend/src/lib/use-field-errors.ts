import { useCallback, useEffect, useRef, useState } from "react";
import { fieldProblems } from "./field-problems";
import { notifyError } from "./notify";

/** Field name (as in the bridge shapes) → what is wrong with it. */
export type FieldErrors = Record<string, string>;

/**
 * A form's field errors, whether the form found them or Python did. Showing errors
 * focuses the first invalid control; a problem with no control of that name on the form
 * (so nowhere to show it) becomes a toast instead of vanishing.
 */
export function useFieldErrors() {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [shown, setShown] = useState<{ count: number; errors: FieldErrors }>({ count: 0, errors: {} });

  useEffect(() => {
    const form = formRef.current;
    if (shown.count === 0 || !form) return;
    const homeless = Object.entries(shown.errors).filter(([name]) => !form.elements.namedItem(name));
    if (homeless.length > 0) notifyError(new Error(homeless.map(([, text]) => text).join(" ")));
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [shown]);

  /** Shows these errors (replacing any others) and focuses the first invalid control. */
  const show = useCallback((next: FieldErrors) => {
    setErrors(next);
    setShown((previous) => ({ count: previous.count + 1, errors: next }));
  }, []);

  /** Forgets one field's error, e.g. as the coach edits it. */
  const clear = useCallback((name: string) => {
    setErrors((current) => {
      if (!(name in current)) return current;
      const rest = { ...current };
      delete rest[name];
      return rest;
    });
  }, []);

  /** For a failed save: Python's field problems go next to the fields, anything else to a toast. */
  const fail = useCallback(
    (err: unknown, title?: string) => {
      const problems = fieldProblems(err);
      if (problems && Object.keys(problems.fields).length > 0) show(problems.fields);
      else notifyError(err, title);
    },
    [show],
  );

  return { formRef, errors, show, clear, fail };
}

/** True when a checked form found nothing wrong. */
export function isValid(errors: FieldErrors): boolean {
  return Object.keys(errors).length === 0;
}
