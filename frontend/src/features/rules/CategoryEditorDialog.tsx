import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { controlClass, Field } from "../../components/ui/Field";
import { FormDialog } from "../../components/ui/FormDialog";
import { api } from "../../lib/bridge";
import { parseWhole } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import type { FieldErrors } from "../../lib/use-field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
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
  const { t } = useTranslation("rules");
  const idPrefix = useId();
  const [values, setValues] = useState<Values>({
    code: category?.code ?? "",
    name: category?.name ?? "",
    minAge: category?.minAge.toString() ?? "",
    maxAge: category?.maxAge?.toString() ?? "",
  });
  const form = useFormSubmit({
    check: () => validate(values, t),
    save: async () => {
      const input = {
        code: values.code.trim(),
        name: values.name.trim(),
        minAge: parseWhole(values.minAge) ?? 0,
        maxAge: values.maxAge.trim() ? parseWhole(values.maxAge) : null,
      };
      publishRules(
        category
          ? await api().rules.updateCategory(category.id, input)
          : await api().rules.createCategory(input),
      );
      notifySuccess(
        category
          ? t("categoryEditor.saved", { code: input.code, name: input.name })
          : t("categoryEditor.added", { code: input.code, name: input.name }),
      );
      onClose();
    },
    failTitle: category ? t("categoryEditor.saveFailed") : t("categoryEditor.addFailed"),
  });
  const { errors, clear } = form;

  const input = (name: keyof Values, label: string, type: "text" | "number", hint?: string) => (
    <Field idPrefix={idPrefix} name={name} label={label} error={errors[name]} hint={hint}>
      {(control) => (
        <input
          {...control}
          // Text: type="number" drops what it doesn't expect ("15,5" became 155); this checks it.
          type="text"
          inputMode={type === "number" ? "numeric" : undefined}
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
    <FormDialog
      title={
        category
          ? t("categoryEditor.editTitle", { code: category.code, name: category.name })
          : t("categoryEditor.addTitle")
      }
      width="sm"
      form={form}
      saveLabel={t("categoryEditor.save")}
      onClose={onClose}
      bodyClassName="grid grid-cols-2 gap-x-5 gap-y-4"
    >
      {input("code", t("categories.code"), "text")}
      {input("name", t("categories.name"), "text")}
      {input("minAge", t("categories.minAge"), "number")}
      {input("maxAge", t("categories.maxAge"), "number", t("categoryEditor.maxAgeHint"))}
    </FormDialog>
  );
}

function validate(values: Values, t: TFunction<"rules">): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.code.trim()) errors.code = t("categoryEditor.codeRequired");
  if (!values.name.trim()) errors.name = t("nameRequired");
  const min = wholeAge(values.minAge);
  if (!values.minAge.trim()) errors.minAge = t("categoryEditor.minAgeRequired");
  else if (min === null) errors.minAge = t("categoryEditor.minAgeWhole", { max: String(MAX_AGE) });
  if (values.maxAge.trim()) {
    const max = wholeAge(values.maxAge);
    if (max === null) errors.maxAge = t("categoryEditor.maxAgeWhole", { max: String(MAX_AGE) });
    else if (min !== null && max < min) errors.maxAge = t("categoryEditor.maxBelowMin");
  }
  return errors;
}

function wholeAge(text: string): number | null {
  const value = parseWhole(text);
  return value !== null && value >= 0 && value <= MAX_AGE ? value : null;
}
