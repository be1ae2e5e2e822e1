import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { BeltBadge } from "../../components/BeltBadge";
import { controlClass, Field, TextInput } from "../../components/ui/Field";
import { FormDialog } from "../../components/ui/FormDialog";
import { api } from "../../lib/bridge";
import { parseWhole } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import type { FieldErrors } from "../../lib/use-field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import { publishRules } from "../../lib/use-rules";
import type { Belt, BeltInput, BeltKind } from "../../types/bridge";

/** A new belt starts white, with yellow offered as its second colour. */
const NEW_BELT: BeltInput = {
  name: "",
  kind: "kyu",
  color: "#ffffff",
  secondColor: null,
  minMonths: null,
  minAge: null,
};
const DEFAULT_SECOND_COLOR = "#facc15";
/** The bounds Python holds the minimums to (rules/service.py): up to 50 years in a grade. */
const MAX_MIN_MONTHS = 600;
const MAX_MIN_AGE = 120;

/** The minimums as typed: blank is "no minimum". */
interface Minimums {
  minMonths: string;
  minAge: string;
}

interface BeltEditorDialogProps {
  /** The belt to edit; without one, a new belt goes on top of the ladder. */
  belt?: Belt;
  onClose: () => void;
}

export function BeltEditorDialog({ belt, onClose }: BeltEditorDialogProps) {
  const { t } = useTranslation("rules");
  const idPrefix = useId();
  const [values, setValues] = useState<BeltInput>(() =>
    belt
      ? {
          name: belt.name,
          kind: belt.kind,
          color: belt.color,
          secondColor: belt.secondColor,
          minMonths: belt.minMonths,
          minAge: belt.minAge,
        }
      : NEW_BELT,
  );
  const [minimums, setMinimums] = useState<Minimums>({
    minMonths: belt?.minMonths?.toString() ?? "",
    minAge: belt?.minAge?.toString() ?? "",
  });
  // Remembered while unticked, so ticking "Two colours" again brings back the same colour.
  const [secondColor, setSecondColor] = useState(belt?.secondColor ?? DEFAULT_SECOND_COLOR);
  const form = useFormSubmit({
    check: () => {
      const problems: FieldErrors = checkMinimums(minimums, t);
      if (!values.name.trim()) problems.name = t("nameRequired");
      return problems;
    },
    save: async () => {
      const input = {
        ...values,
        name: values.name.trim(),
        minMonths: parseWhole(minimums.minMonths),
        minAge: parseWhole(minimums.minAge),
      };
      publishRules(belt ? await api().rules.updateBelt(belt.id, input) : await api().rules.createBelt(input));
      notifySuccess(belt ? t("beltEditor.saved", { name: input.name }) : t("beltEditor.added", { name: input.name }));
      onClose();
    },
    failTitle: belt ? t("beltEditor.saveFailed") : t("beltEditor.addFailed"),
  });
  const { errors, clear } = form;

  const change = (patch: Partial<BeltInput>) => {
    setValues((current) => ({ ...current, ...patch }));
    Object.keys(patch).forEach(clear);
  };

  const minimum = (name: keyof Minimums, label: string) => (
    <Field idPrefix={idPrefix} name={name} label={label} error={errors[name]} hint={t("beltEditor.minimumHint")}>
      {(control) => (
        <input
          {...control}
          // Text: type="number" drops what it doesn't expect ("1,5" became 15); this checks it.
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={minimums[name]}
          onChange={(event) => {
            const value = event.target.value;
            setMinimums((current) => ({ ...current, [name]: value }));
            clear(name);
          }}
          className={controlClass}
        />
      )}
    </Field>
  );

  return (
    <FormDialog
      title={belt ? t("beltEditor.editTitle", { name: belt.name }) : t("beltEditor.addTitle")}
      description={belt ? undefined : t("beltEditor.addDescription")}
      width="sm"
      form={form}
      saveLabel={t("beltEditor.save")}
      onClose={onClose}
      bodyClassName="space-y-4"
    >
      <Field idPrefix={idPrefix} name="name" label={t("beltEditor.name")} error={errors.name}>
        {(control) => (
          <TextInput control={control} value={values.name} onChange={(value) => change({ name: value })} />
        )}
      </Field>
      <Field idPrefix={idPrefix} name="kind" label={t("beltEditor.kind")} error={errors.kind}>
        {(control) => (
          <select
            {...control}
            value={values.kind}
            onChange={(event) => change({ kind: parseKind(event.target.value) })}
            className={controlClass}
          >
            <option value="kyu">{t("beltEditor.kyu")}</option>
            <option value="dan">{t("beltEditor.dan")}</option>
          </select>
        )}
      </Field>
      <div className="flex flex-wrap items-start gap-x-6 gap-y-4">
        <Field idPrefix={idPrefix} name="color" label={t("beltEditor.color")} error={errors.color}>
          {(control) => (
            <input
              {...control}
              type="color"
              value={values.color}
              onChange={(event) => change({ color: event.target.value })}
              className="h-9 w-16 cursor-pointer rounded-md border border-slate-300 bg-white p-0.5"
            />
          )}
        </Field>
        <div className="pt-7">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              checked={values.secondColor !== null}
              onChange={(event) => change({ secondColor: event.target.checked ? secondColor : null })}
              className="size-4 accent-blue-700"
            />
            {t("beltEditor.twoColors")}
          </label>
        </div>
        {values.secondColor !== null ? (
          <Field idPrefix={idPrefix} name="secondColor" label={t("beltEditor.secondColor")} error={errors.secondColor}>
            {(control) => (
              <input
                {...control}
                type="color"
                value={values.secondColor ?? secondColor}
                onChange={(event) => {
                  setSecondColor(event.target.value);
                  change({ secondColor: event.target.value });
                }}
                className="h-9 w-16 cursor-pointer rounded-md border border-slate-300 bg-white p-0.5"
              />
            )}
          </Field>
        ) : null}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("beltEditor.minimums")}</legend>
        <p className="mt-1 text-sm text-slate-600">{t("beltEditor.minimumsDescription")}</p>
        <div className="mt-3 grid grid-cols-2 gap-x-5 gap-y-4">
          {minimum("minMonths", t("beltEditor.minMonths"))}
          {minimum("minAge", t("beltEditor.minAge"))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3 rounded-xl bg-slate-50 px-4 py-3 text-sm text-slate-600 ring-1 ring-slate-200 ring-inset">
        {t("beltEditor.preview")}
        <BeltBadge
          belt={{ name: values.name.trim() || t("beltEditor.newBelt"), color: values.color, secondColor: values.secondColor }}
          size="md"
        />
      </div>
    </FormDialog>
  );
}

function checkMinimums(minimums: Minimums, t: TFunction<"rules">): FieldErrors {
  const errors: FieldErrors = {};
  if (!wholeUpTo(minimums.minMonths, MAX_MIN_MONTHS)) {
    errors.minMonths = t("beltEditor.minMonthsWhole", { max: String(MAX_MIN_MONTHS) });
  }
  if (!wholeUpTo(minimums.minAge, MAX_MIN_AGE)) {
    errors.minAge = t("beltEditor.minAgeWhole", { max: String(MAX_MIN_AGE) });
  }
  return errors;
}

/** True when `text` is blank (no minimum) or a whole number from 0 to `max`. */
function wholeUpTo(text: string, max: number): boolean {
  if (!text.trim()) return true;
  const value = parseWhole(text);
  return value !== null && value >= 0 && value <= max;
}

function parseKind(value: string): BeltKind {
  return value === "dan" ? "dan" : "kyu";
}
