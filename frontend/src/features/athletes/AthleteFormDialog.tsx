import type { TFunction } from "i18next";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
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
import { SEX_KEY } from "./athlete-text";
import { BeltOptions } from "./BeltOptions";

/** The same bounds Python checks; the form only saves the coach a round trip. */
const MIN_WEIGHT_KG = 15;
const MAX_WEIGHT_KG = 250;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** Below this age (this year) a guardian's contact is suggested. */
const ADULT_AGE = 18;
/** Three columns of fields. */
const BODY_CLASS = "grid grid-cols-3 gap-x-5 gap-y-4";

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
  const { t } = useTranslation("athletes");
  const rules = useRuleIndex();
  const idPrefix = useId();
  const [values, setValues] = useState<Values>(() => initialValues(athlete));
  // Python's warnings for the values as they are now; while shown, Save saves past them.
  const [warnings, setWarnings] = useState<Partial<Record<keyof AthleteWarnings, string>>>({});
  const warned = Object.keys(warnings).length > 0;
  const form = useFormSubmit({
    check: () => validate(values, t),
    save: async () => {
      const input = toInput(values, athlete);
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
      notifySuccess(t(athlete ? "form.saved" : "form.added", { name: saved.fullName }));
      onSaved(saved);
    },
    failTitle: athlete ? t("form.saveFailed") : t("form.addFailed"),
  });
  const { errors, clear } = form;

  const set = (name: TextField, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    clear(name);
    // Changed values are checked afresh on the next Save.
    setWarnings({});
  };

  const text = (name: TextField, label: string, type: "text" | "tel" | "email" = "text") => (
    <Field idPrefix={idPrefix} name={name} label={label} error={errors[name]}>
      {(control) => (
        <input
          {...control}
          type={type}
          autoComplete="off"
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
      title={athlete ? t("form.editTitle", { name: athlete.fullName }) : t("addAthlete")}
      width="lg"
      form={form}
      saveLabel={warned ? t("form.saveAnyway") : athlete ? t("actions.saveChanges") : t("form.saveAthlete")}
      onClose={onClose}
      bodyClassName={BODY_CLASS}
    >
      <Field idPrefix={idPrefix} name="fullName" label={t("fields.fullName")} error={errors.fullName} className="col-span-2">
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

      <Field idPrefix={idPrefix} name="birthDate" label={t("fields.birthDate")} error={errors.birthDate}>
        {(control) => (
          <DateInput
            control={control}
            label={t("fields.birthDate")}
            max={todayIso()}
            value={values.birthDate}
            onChange={(value) => set("birthDate", value)}
          />
        )}
      </Field>

      <Field idPrefix={idPrefix} name="sex" label={t("fields.sex")} error={errors.sex}>
        {(control) => (
          <select
            {...control}
            value={values.sex}
            onChange={(event) => set("sex", event.target.value)}
            className={controlClass}
          >
            <option value="" disabled>
              {t("actions.choose")}
            </option>
            <option value="F">{t(SEX_KEY.F)}</option>
            <option value="M">{t(SEX_KEY.M)}</option>
          </select>
        )}
      </Field>

      <Field
        idPrefix={idPrefix}
        name="beltId"
        label={t("fields.belt")}
        error={errors.beltId}
        warning={warnings.beltId}
        hint={athlete ? t("form.beltHint") : undefined}
      >
        {(control) => (
          <select
            {...control}
            value={values.beltId}
            onChange={(event) => set("beltId", event.target.value)}
            className={controlClass}
          >
            <option value="" disabled>
              {rules ? t("actions.chooseBelt") : t("form.loadingBelts")}
            </option>
            <BeltOptions rules={rules} />
          </select>
        )}
      </Field>

      <Field idPrefix={idPrefix} name="weightKg" label={t("fields.weight")} error={errors.weightKg} warning={warnings.weightKg}>
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

      {text("licenceNumber", t("fields.licenceNumber"))}
      {text("phone", t("fields.phone"), "tel")}
      {text("email", t("fields.email"), "email")}

      <fieldset className="col-span-3 grid grid-cols-2 gap-x-5 gap-y-3 rounded-xl bg-slate-50 px-4 pt-2 pb-4 ring-1 ring-slate-200 ring-inset">
        <legend className="sr-only">{t("fields.guardian")}</legend>
        <p className="col-span-2 pt-1 text-sm font-semibold text-slate-800">
          {t("fields.guardian")}
          {minor ? (
            <span className="ml-2 font-normal text-amber-800">{t("form.guardianSuggested", { age: ADULT_AGE })}</span>
          ) : (
            <span className="ml-2 font-normal text-slate-500">{t("form.optional")}</span>
          )}
        </p>
        {text("guardianName", t("fields.guardianName"))}
        {text("guardianPhone", t("fields.guardianPhone"), "tel")}
      </fieldset>

      <Field idPrefix={idPrefix} name="notes" label={t("fields.notes")} error={errors.notes} className="col-span-3">
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
            <span className="font-medium text-slate-800">{t("status.active")}</span>
            <span className="block text-slate-500">{t("form.activeHint")}</span>
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

function validate(values: Values, t: TFunction<"athletes">): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.fullName.trim()) errors.fullName = t("form.problems.fullNameRequired");
  if (!values.birthDate) errors.birthDate = t("form.problems.birthDateRequired");
  else if (!isIsoDate(values.birthDate)) errors.birthDate = dateInputProblem(t("fields.birthDate"));
  else if (values.birthDate > todayIso()) errors.birthDate = t("form.problems.birthDateFuture");
  else if (values.birthDate < "1900-01-01") errors.birthDate = t("form.problems.birthDateInvalid");
  if (!values.sex) errors.sex = t("form.problems.sexRequired");
  if (!values.beltId) errors.beltId = t("form.problems.beltRequired");
  const weight = parseDecimal(values.weightKg);
  if (!values.weightKg.trim()) errors.weightKg = t("form.problems.weightRequired");
  else if (weight === null) errors.weightKg = t("form.problems.weightNumber");
  else if (weight < MIN_WEIGHT_KG || weight > MAX_WEIGHT_KG) {
    errors.weightKg = t("form.problems.weightRange", { min: MIN_WEIGHT_KG, max: MAX_WEIGHT_KG });
  }
  const email = values.email.trim();
  if (email && !EMAIL.test(email)) errors.email = t("form.problems.email");
  return errors;
}

/**
 * Only called on values `validate` passed, so the required fields are there. The profile
 * fields the form doesn't show yet keep the edited athlete's values (a new athlete's member
 * ID is left blank: Python gives the next one).
 */
function toInput(values: Values, athlete: Athlete | undefined): AthleteInput {
  const optional = (value: string) => value.trim() || null;
  return {
    fullName: values.fullName.trim(),
    birthDate: values.birthDate,
    sex: values.sex === "M" ? "M" : "F",
    beltId: Number(values.beltId),
    weightKg: parseDecimal(values.weightKg) ?? 0,
    memberId: athlete?.memberId ?? null,
    clubId: athlete?.clubId ?? null,
    joinedOn: athlete?.joinedOn ?? null,
    licenceNumber: optional(values.licenceNumber),
    licenceValidUntil: athlete?.licenceValidUntil ?? null,
    medicalValidUntil: athlete?.medicalValidUntil ?? null,
    phone: optional(values.phone),
    email: optional(values.email),
    address: athlete?.address ?? null,
    school: athlete?.school ?? null,
    guardianName: optional(values.guardianName),
    guardianPhone: optional(values.guardianPhone),
    notes: optional(values.notes),
    active: values.active,
  };
}
