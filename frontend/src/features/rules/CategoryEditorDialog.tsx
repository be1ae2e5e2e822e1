import { useId, useState, type FormEvent } from "react";
import { Button } from "../../components/ui/Button";
import { Dialog, DialogFooter } from "../../components/ui/Dialog";
import { controlClass, Field } from "../../components/ui/Field";
import { api } from "../../lib/bridge";
import { notifySuccess } from "../../lib/notify";
import { isValid, useFieldErrors, type FieldErrors } from "../../lib/use-field-errors";
import { publishRules } from "../../lib/use-rules";
import type { AgeCategory } from "../../types/bridge";

const MAX_AGE = 120;

interface Values {
  code: string;
  name: string;
  minAge: string;
  maxAge: string;
}

interface CategoryEditorDialogProps {
  /** The category to edit; without one, the form adds a new category. */
  category?: AgeCategory;
  onClose: () => void;
}

export function CategoryEditorDialog({ category, onClose }: CategoryEditorDialogProps) {
  const idPrefix = useId();
  const [values, setValues] = useState<Values>({
    code: category?.code ?? "",
    name: category?.name ?? "",
    minAge: category?.minAge.toString() ?? "",
    maxAge: category?.maxAge?.toString() ?? "",
  });
  const [saving, setSaving] = useState(false);
  const { formRef, errors, show, clear, fail } = useFieldErrors();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = validate(values);
    if (!isValid(problems)) {
      show(problems);
      return;
    }
    setSaving(true);
    try {
      const input = {
        code: values.code.trim(),
        name: values.name.trim(),
        minAge: Number(values.minAge),
        maxAge: values.maxAge.trim() ? Number(values.maxAge) : null,
      };
      publishRules(
        category
          ? await api().rules.updateCategory(category.id, input)
          : await api().rules.createCategory(input),
      );
      notifySuccess(category ? `Saved ${input.code} ${input.name}` : `Added ${input.code} ${input.name}`);
      onClose();
    } catch (err) {
      fail(err, category ? "Couldn't save the category" : "Couldn't add the category");
    } finally {
      setSaving(false);
    }
  };

  const input = (name: keyof Values, label: string, type: "text" | "number", hint?: string) => (
    <Field idPrefix={idPrefix} name={name} label={label} error={errors[name]} hint={hint}>
      {(control) => (
        <input
          {...control}
          type={type}
          inputMode={type === "number" ? "numeric" : undefined}
          min={type === "number" ? 0 : undefined}
          max={type === "number" ? MAX_AGE : undefined}
          step={type === "number" ? 1 : undefined}
          autoComplete="off"
          value={values[name]}
          onChange={(event) => {
            const value = event.target.value;
            setValues((current) => ({ ...current, [name]: value }));
            clear(name);
          }}
          className={controlClass}
        />
      )}
    </Field>
  );

  return (
    <Dialog
      title={category ? `Edit ${category.code} ${category.name}` : "Add age category"}
      busy={saving}
      onClose={onClose}
      width="sm"
    >
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)}>
        <div className="grid grid-cols-2 gap-x-5 gap-y-4 px-7 pt-5">
          {input("code", "Code", "text")}
          {input("name", "Name", "text")}
          {input("minAge", "Min age", "number")}
          {input("maxAge", "Max age", "number", "Empty: no upper limit")}
        </div>
        <DialogFooter>
          <Button variant="secondary" disabled={saving} onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={saving}>
            Save category
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

function validate(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.code.trim()) errors.code = "Code is required.";
  if (!values.name.trim()) errors.name = "Name is required.";
  const min = wholeAge(values.minAge);
  if (!values.minAge.trim()) errors.minAge = "Min age is required.";
  else if (min === null) errors.minAge = `Min age must be a whole number from 0 to ${MAX_AGE}.`;
  if (values.maxAge.trim()) {
    const max = wholeAge(values.maxAge);
    if (max === null) errors.maxAge = `Max age must be a whole number from 0 to ${MAX_AGE}, or empty.`;
    else if (min !== null && max < min) errors.maxAge = "Max age can't be below the min age.";
  }
  return errors;
}

function wholeAge(text: string): number | null {
  const value = Number(text);
  return text.trim() && Number.isInteger(value) && value >= 0 && value <= MAX_AGE ? value : null;
}
