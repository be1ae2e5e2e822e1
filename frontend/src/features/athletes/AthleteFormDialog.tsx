import { useId, useState } from "react";
import { DateInput } from "../../components/ui/DateInput";
import { controlClass, Field } from "../../components/ui/Field";
import { FormDialog } from "../../components/ui/FormDialog";
import { api } from "../../lib/bridge";
import { dateInputProblem, formatNumberForInput, isIsoDate, parseDecimal, todayIso } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import type { FieldErrors } from "../../lib/use-field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import { useRuleIndex } from "../../lib/use-rules";
import type { Athlete, AthleteInput, AthleteWarnings, Sex } from "../../types/bridge";
import { BeltOptions } from "./BeltOptions";

/** The same bounds Python checks; the form only saves the coach a round trip. */
const MIN_WEIGHT_KG = 15;
const MAX_WEIGHT_KG = 250;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** Below this age (this year) a guardian's contact is suggested. */
const ADULT_AGE = 18;

interface Values {
  fullName: string;
  birthDate: string;
  sex: Sex | "";
  beltId: string;
  weightKg: string;
  licenceNumber: string;
  phone: string;
  email: string;
  guardianName: string;
  guardianPhone: string;
  notes: string;
  active: boolean;
}

type TextField = Exclude<keyof Values, "active">;

interface AthleteFormDialogProps {
  /** The athlete to edit; without one, the form adds a new athlete. */
  athlete?: Athlete;
  onSaved: (athlete: Athlete) => void;
  onClose: () => void;
}

/** Add or edit an athlete: checked here, then by Python, which has the last word. */
export function AthleteFormDialog({ athlete, onSaved, onClose }: AthleteFormDialogProps) {
  const rules = useRuleIndex();
  const idPrefix = useId();
  const [values, setValues] = useState<Values>(() => initialValues(athlete));
  // Python's warnings for the values as they are now; while shown, Save saves past them.
  const [warnings, setWarnings] = useState<Partial<Record<keyof AthleteWarnings, string>>>({});
  const warned = Object.keys(warnings).length > 0;
  const form = useFormSubmit({
    check: () => validate(values),
    save: async () => {
      const input = toInput(values);
      if (!warned) {
        const found = await api().athletes.checkAthlete(input);
        const shown = Object.fromEntries(Object.entries(found).filter(([, text]) => text)) as typeof warnings;
        if (Object.keys(shown).length > 0) {
          setWarnings(shown);
          // The first warned field takes the focus, so its warning is read out with it.
          const first = Object.keys(shown)[0];
          requestAnimationFrame(() => form.formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
          return;
        }
      }
      const saved = athlete
        ? await api().athletes.update(athlete.id, athlete.revision, input)
        : await api().athletes.create(input);
      notifySuccess(athlete ? `Saved ${saved.fullName}` : `Added ${saved.fullName}`);
      onSaved(saved);
    },
    failTitle: athlete ? "Couldn't save the changes" : "Couldn't add the athlete",
  });
  const { errors, clear } = form;

  const set = (name: TextField, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    clear(name);
    // Changed values are checked afresh on the next Save.
    setWarnings({});
  };

  const text = (name: TextField, label: string, type = "text", autoComplete = "off") => (
    <Field idPrefix={idPrefix} name={name} label={label} error={errors[name]}>
      {(control) => (
        <input
          {...control}
          type={type}
          autoComplete={autoComplete}
          value={values[name]}
          onChange={(event) => set(name, event.target.value)}
          className={controlClass}
        />
      )}
    </Field>
  );

  const birthYear = Number(values.birthDate.slice(0, 4));
  const minor = birthYear > 0 && new Date().getFullYear() - birthYear < ADULT_AGE;

  return (
    <FormDialog
      title={athlete ? `Edit ${athlete.fullName}` : "Add athlete"}
      width="lg"
      form={form}
      saveLabel={warned ? "Save anyway" : athlete ? "Save changes" : "Save athlete"}
      onClose={onClose}
      bodyClassName="grid grid-cols-3 gap-x-5 gap-y-4"
    >
      <Field idPrefix={idPrefix} name="fullName" label="Full name" error={errors.fullName} className="col-span-2">
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            value={values.fullName}
            onChange={(event) => set("fullName", event.target.value)}
            className={controlClass}
          />
        )}
      </Field>

      <Field idPrefix={idPrefix} name="birthDate" label="Birth date" error={errors.birthDate}>
        {(control) => (
          <DateInput
            control={control}
            label="Birth date"
            max={todayIso()}
            value={values.birthDate}
            onChange={(value) => set("birthDate", value)}
          />
        )}
      </Field>

      <Field idPrefix={idPrefix} name="sex" label="Sex" error={errors.sex}>
        {(control) => (
          <select
            {...control}
            value={values.sex}
            onChange={(event) => set("sex", event.target.value)}
            className={controlClass}
          >
            <option value="" disabled>
              Choose…
            </option>
            <option value="F">Female</option>
            <option value="M">Male</option>
          </select>
        )}
      </Field>

      <Field
        idPrefix={idPrefix}
        name="beltId"
        label="Belt"
        error={errors.beltId}
        warning={warnings.beltId}
        hint={athlete ? "For a grading, use Record promotion: it keeps the history." : undefined}
      >
        {(control) => (
          <select
            {...control}
            value={values.beltId}
            onChange={(event) => set("beltId", event.target.value)}
            className={controlClass}
          >
            <option value="" disabled>
              {rules ? "Choose a belt…" : "Loading belts…"}
            </option>
            <BeltOptions rules={rules} />
          </select>
        )}
      </Field>

      <Field idPrefix={idPrefix} name="weightKg" label="Weight (kg)" error={errors.weightKg} warning={warnings.weightKg}>
        {(control) => (
          // Text, not type="number": that one drops a "," it doesn't expect, and 38,5 became 385.
          <input
            {...control}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={values.weightKg}
            onChange={(event) => set("weightKg", event.target.value)}
            className={controlClass}
          />
        )}
      </Field>

      {text("licenceNumber", "Licence number")}
      {text("phone", "Phone", "tel")}
      {text("email", "Email", "email")}

      <fieldset className="col-span-3 grid grid-cols-2 gap-x-5 gap-y-3 rounded-xl bg-slate-50 px-4 pt-2 pb-4 ring-1 ring-slate-200 ring-inset">
        <legend className="sr-only">Guardian</legend>
        <p className="col-span-2 pt-1 text-sm font-semibold text-slate-800">
          Guardian
          {minor ? (
            <span className="ml-2 font-normal text-amber-800">Suggested for athletes under 18</span>
          ) : (
            <span className="ml-2 font-normal text-slate-500">Optional</span>
          )}
        </p>
        {text("guardianName", "Guardian name")}
        {text("guardianPhone", "Guardian phone", "tel")}
      </fieldset>

      <Field idPrefix={idPrefix} name="notes" label="Notes" error={errors.notes} className="col-span-3">
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={values.notes}
            onChange={(event) => set("notes", event.target.value)}
            className={controlClass}
          />
        )}
      </Field>

      <div className="col-span-3">
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            name="active"
            checked={values.active}
            onChange={(event) => {
              const active = event.target.checked;
              setValues((current) => ({ ...current, active }));
            }}
            className="mt-0.5 size-4 rounded border-slate-300 accent-blue-700"
          />
          <span>
            <span className="font-medium text-slate-800">Active</span>
            <span className="block text-slate-500">
              Inactive athletes stay on record; the roster hides them unless asked.
            </span>
          </span>
        </label>
      </div>
    </FormDialog>
  );
}

function initialValues(athlete: Athlete | undefined): Values {
  return {
    fullName: athlete?.fullName ?? "",
    birthDate: athlete?.birthDate ?? "",
    sex: athlete?.sex ?? "",
    beltId: athlete?.beltId?.toString() ?? "",
    weightKg: athlete?.weightKg == null ? "" : formatNumberForInput(athlete.weightKg),
    licenceNumber: athlete?.licenceNumber ?? "",
    phone: athlete?.phone ?? "",
    email: athlete?.email ?? "",
    guardianName: athlete?.guardianName ?? "",
    guardianPhone: athlete?.guardianPhone ?? "",
    notes: athlete?.notes ?? "",
    active: athlete?.active ?? true,
  };
}

function validate(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.fullName.trim()) errors.fullName = "Full name is required.";
  if (!values.birthDate) errors.birthDate = "Birth date is required.";
  else if (!isIsoDate(values.birthDate)) errors.birthDate = dateInputProblem("Birth date");
  else if (values.birthDate > todayIso()) errors.birthDate = "Birth date can't be in the future.";
  else if (values.birthDate < "1900-01-01") errors.birthDate = "Birth date is not a valid date.";
  if (!values.sex) errors.sex = "Choose Female or Male.";
  if (!values.beltId) errors.beltId = "Choose the athlete's current belt.";
  const weight = parseDecimal(values.weightKg);
  if (!values.weightKg.trim()) errors.weightKg = "Weight is required.";
  else if (weight === null) errors.weightKg = "Enter the weight as a number, like 38.5 or 38,5.";
  else if (weight < MIN_WEIGHT_KG || weight > MAX_WEIGHT_KG) {
    errors.weightKg = `Weight must be between ${MIN_WEIGHT_KG} and ${MAX_WEIGHT_KG} kg.`;
  }
  const email = values.email.trim();
  if (email && !EMAIL.test(email)) errors.email = "Enter an email like name@example.com.";
  return errors;
}

/** Only called on values `validate` passed, so the required fields are there. */
function toInput(values: Values): AthleteInput {
  const optional = (value: string) => value.trim() || null;
  return {
    fullName: values.fullName.trim(),
    birthDate: values.birthDate,
    sex: values.sex === "M" ? "M" : "F",
    beltId: Number(values.beltId),
    weightKg: parseDecimal(values.weightKg) ?? 0,
    licenceNumber: optional(values.licenceNumber),
    phone: optional(values.phone),
    email: optional(values.email),
    guardianName: optional(values.guardianName),
    guardianPhone: optional(values.guardianPhone),
    notes: optional(values.notes),
    active: values.active,
  };
}
