import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { categoryLabel } from "../../components/roster/roster-text";
import { controlClass, Field, TextInput } from "../../components/ui/Field";
import { FormDialog } from "../../components/ui/FormDialog";
import { api } from "../../lib/bridge";
import { formatNumberForInput, parseDecimal } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import type { FieldErrors } from "../../lib/use-field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import { publishRules } from "../../lib/use-rules";
import { weightClassLabel } from "../../lib/weight-classes";
import type { AgeCategory, JudoManagerApi, Sex, WeightClass } from "../../types/bridge";
import { LADDER_KEY } from "./weight-class-text";

/** What `rules.createWeightClass` and `rules.updateWeightClass` take. */
type WeightClassInput = Parameters<JudoManagerApi["rules"]["createWeightClass"]>[1];

/** The same bounds Python checks; the form only saves the coach a round trip. */
const MIN_LIMIT_KG = 1;
const MAX_LIMIT_KG = 300;

interface Values {
  limitKg: string;
  over: boolean;
  name: string;
}

interface WeightClassEditorDialogProps {
  category: AgeCategory;
  /** The ladder the class is on: fixed, a class doesn't move to the other sex's. */
  sex: Sex;
  /** The class to edit; without one, the form adds a class to the ladder. */
  weightClass?: WeightClass;
  onClose: () => void;
}

/** Add or change one weight class: its limit, whether it is the "over" class, its name. */
export function WeightClassEditorDialog({ category, sex, weightClass, onClose }: WeightClassEditorDialogProps) {
  const { t } = useTranslation("rules");
  const idPrefix = useId();
  const [values, setValues] = useState<Values>({
    limitKg: weightClass ? formatNumberForInput(weightClass.limitKg) : "",
    over: weightClass?.over ?? false,
    name: weightClass?.name ?? "",
  });
  const where = { category: categoryLabel(category), ladder: t(LADDER_KEY[sex]) };
  const form = useFormSubmit({
    check: () => validate(values, t),
    save: async () => {
      const input: WeightClassInput = {
        sex,
        limitKg: parseDecimal(values.limitKg) ?? 0,
        over: values.over,
        name: values.name.trim() || null,
      };
      publishRules(
        weightClass
          ? await api().rules.updateWeightClass(weightClass.id, input)
          : await api().rules.createWeightClass(category.id, input),
      );
      const label = weightClassLabel({ ...input, id: 0, categoryId: category.id });
      notifySuccess(
        weightClass
          ? t("weightClassEditor.saved", { label, ...where })
          : t("weightClassEditor.added", { label, ...where }),
      );
      onClose();
    },
    failTitle: weightClass ? t("weightClassEditor.saveFailed") : t("weightClassEditor.addFailed"),
  });
  const { errors, clear } = form;

  const change = (patch: Partial<Values>) => {
    setValues((current) => ({ ...current, ...patch }));
    Object.keys(patch).forEach(clear);
  };

  // What the class will read as, so the coach sees what an empty name means.
  const limit = parseDecimal(values.limitKg);
  const preview =
    limit === null ? null : weightClassLabel({ id: 0, categoryId: category.id, sex, limitKg: limit, over: values.over, name: null });
  const overId = `${idPrefix}-over`;
  const overHintId = `${overId}-hint`;
  const overErrorId = `${overId}-error`;

  return (
    <FormDialog
      title={
        weightClass
          ? t("weightClassEditor.editTitle", { label: weightClassLabel(weightClass), ...where })
          : t("weightClassEditor.addTitle", where)
      }
      description={t("weightClassEditor.description", where)}
      width="sm"
      form={form}
      saveLabel={t("weightClassEditor.save")}
      onClose={onClose}
      bodyClassName="space-y-4"
    >
      <Field
        idPrefix={idPrefix}
        name="limitKg"
        label={t("weightClassEditor.limit")}
        error={errors.limitKg}
        hint={t("weightClassEditor.limitHint")}
      >
        {(control) => (
          <input
            {...control}
            // Text: type="number" drops what it doesn't expect ("44,5" became 445); this checks it.
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={values.limitKg}
            onChange={(event) => change({ limitKg: event.target.value })}
            className={controlClass}
          />
        )}
      </Field>

      <div>
        <label htmlFor={overId} className="flex items-start gap-3 text-sm">
          <input
            id={overId}
            type="checkbox"
            name="over"
            checked={values.over}
            aria-invalid={errors.over ? true : undefined}
            aria-describedby={[errors.over ? overErrorId : null, overHintId].filter(Boolean).join(" ")}
            onChange={(event) => change({ over: event.target.checked })}
            className="mt-0.5 size-4 rounded border-slate-300 accent-blue-700"
          />
          <span className="font-medium text-slate-800">{t("weightClassEditor.over")}</span>
        </label>
        {errors.over ? (
          <p id={overErrorId} data-field-error="over" className="mt-1.5 text-sm text-red-700">
            {errors.over}
          </p>
        ) : null}
        <p id={overHintId} className="mt-1.5 ml-7 text-xs text-slate-500">
          {t("weightClassEditor.overHint")}
        </p>
      </div>

      <Field
        idPrefix={idPrefix}
        name="name"
        label={t("weightClassEditor.name")}
        error={errors.name}
        hint={preview === null ? t("weightClassEditor.nameHint") : t("weightClassEditor.nameHintWith", { label: preview })}
      >
        {(control) => (
          <TextInput control={control} value={values.name} onChange={(value) => change({ name: value })} />
        )}
      </Field>
    </FormDialog>
  );
}

function validate(values: Values, t: TFunction<"rules">): FieldErrors {
  const errors: FieldErrors = {};
  const text = values.limitKg.trim();
  const limit = parseDecimal(text);
  const bounds = { min: MIN_LIMIT_KG, max: MAX_LIMIT_KG };
  if (!text) errors.limitKg = t("weightClassEditor.limitRequired");
  else if (limit === null) errors.limitKg = t("weightClassEditor.limitNumber");
  else if (limit < MIN_LIMIT_KG || limit > MAX_LIMIT_KG) errors.limitKg = t("weightClassEditor.limitRange", bounds);
  else if (Math.round(limit * 10) / 10 !== limit) errors.limitKg = t("weightClassEditor.limitDecimals");
  return errors;
}
