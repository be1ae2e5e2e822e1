import type { ReactNode } from "react";
import { cn } from "./cn";

/** What a field hands its control so the label, hint and error are tied to it. */
export interface ControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FieldProps {
  /** Unique on the page, e.g. from useId(). */
  idPrefix: string;
  /** The field's name in the bridge shape (fullName, beltId…): what errors are keyed by. */
  name: string;
  label: ReactNode;
  /** What is wrong, shown right under the control. */
  error?: string;
  /** What looks unusual but may be saved anyway ("Save anyway"), shown under the control. */
  warning?: string;
  hint?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** The look shared by text inputs, selects and textareas. */
export const controlClass =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-blue-600 focus:outline-none disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-600";

/** A visible label, the control, then its hint and its error (both read with the control). */
export function Field({ idPrefix, name, label, error, warning, hint, className, children }: FieldProps) {
  const id = `${idPrefix}-${name}`;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  // An error outranks a warning: the field can't be saved as it is anyway.
  const warningId = warning && !error ? `${id}-warning` : null;
  const describedBy = [errorId, warningId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("min-w-0", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1.5">
        {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      </div>
      {error ? (
        <p id={errorId ?? undefined} data-field-error={name} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {warningId ? (
        <p id={warningId} data-field-warning={name} className="mt-1.5 text-sm text-amber-800">
          <span aria-hidden="true">⚠ </span>
          {warning}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId ?? undefined} className="mt-1.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface TextInputProps {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}

/** A field's one-line text control, as every form draws it: no browser autofill, the shared look. */
export function TextInput({ control, value, onChange, autoFocus }: TextInputProps) {
  return (
    <input
      {...control}
      type="text"
      autoFocus={autoFocus}
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      className={controlClass}
    />
  );
}
