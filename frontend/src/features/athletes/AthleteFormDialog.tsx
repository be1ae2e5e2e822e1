import type { TFunction } from "i18next";
import { useEffect, useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useAthleteWords } from "../../components/roster/roster-text";
import { DateInput } from "../../components/ui/DateInput";
import { controlClass, Field, TextInput } from "../../components/ui/Field";
import { FormDialog } from "../../components/ui/FormDialog";
import { api } from "../../lib/bridge";
import { useClubIndex } from "../../lib/clubs";
import { dateInputProblem, formatDate, formatNumberForInput, isIsoDate, parseDecimal, todayIso } from "../../lib/format";
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
/** Three columns of fields, in groups. */
const BODY_CLASS = "grid grid-cols-3 gap-x-5 gap-y-4";
/** A field across the three columns. */
const FULL_ROW = "col-span-3";
/** A group of the form: its fields on the same three columns, under a small heading. */
const SECTION_CLASS = "col-span-3 grid grid-cols-3 gap-x-5 gap-y-4 border-t border-slate-100 pt-3";

interface Values {
  fullName: string;
  birthDate: string;
  sex: Sex | "";
  beltId: string;
  weightKg: string;
  memberId: string;
  clubId: string;
  joinedOn: string;
  licenceNumber: string;
  licenceValidUntil: string;
  medicalValidUntil: string;
  phone: string;
  address: string;
  school: string;
  email: string;
  guardianName: string;
  guardianPhone: string;
  notes: string;
  active: boolean;
}

type TextField = Exclude<keyof Values, "active">;
type DateField = "birthDate" | "joinedOn" | "licenceValidUntil" | "medicalValidUntil";

interface AthleteFormDialogProps {
  /** The athlete to edit; without one, the form adds a new athlete. */
  athlete?: Athlete;
  onSaved: (athlete: Athlete) => void;
  onClose: () => void;
}

/** Add or edit an athlete: checked here, then by Python, which has the last word. */
export function AthleteFormDialog({ athlete, onSaved, onClose }: AthleteFormDialogProps) {
  const { t } = useTranslation("athletes");
  const words = useAthleteWords();
  const rules = useRuleIndex();
  const clubs = useClubIndex();
  const idPrefix = useId();
  const [values, setValues] = useState<Values>(() => initialValues(athlete));
  // What an empty member ID becomes on Save: the next one Python would give.
  const [nextMemberId, setNextMemberId] = useState<string | null>(null);
  useEffect(() => {
    if (athlete) return;
    let current = true;
    // Through a promise from the start, so even a bridge that can't answer only leaves the
    // field without its placeholder.
    Promise.resolve()
      .then(() => api().athletes.nextMemberId())
      .then(
        (memberId) => {
          if (current) setNextMemberId(memberId);
        },
        // Only a placeholder: without it the field is empty, and Python still gives one.
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [athlete]);
  // Python's warnings for the values as they are now; while shown, Save saves past them.
  const [warnings, setWarnings] = useState<Partial<Record<keyof AthleteWarnings, string>>>({});
  const warned = Object.keys(warnings).length > 0;
  const form = useFormSubmit({
    check: () => validate(values, t, athlete !== undefined),
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

  const text = (
    name: TextField,
    label: string,
    options: { type?: "text" | "tel" | "email"; placeholder?: string; hint?: string } = {},
  ) => (
    <Field idPrefix={idPrefix} name={name} label={label} error={errors[name]} hint={options.hint}>
      {(control) => (
        <input
          {...control}
          type={options.type ?? "text"}
          autoComplete="off"
          placeholder={options.placeholder}
          value={values[name]}
          onChange={(event) => set(name, event.target.value)}
          className={controlClass}
        />
      )}
    </Field>
  );

  const date = (name: DateField, label: string, options: { max?: string; hint?: string } = {}) => (
    <Field idPrefix={idPrefix} name={name} label={label} error={errors[name]} hint={options.hint}>
      {(control) => (
        <DateInput control={control} label={label} max={options.max} value={values[name]} onChange={(value) => set(name, value)} />
      )}
    </Field>
  );

  /** "The licence card document says 3 Mar 2027; the later date counts." when a document has a later one. */
  const paperHint = (paper: Athlete["licence"] | undefined, typed: string | null | undefined, key: "form.licenceFromDocument" | "form.medicalFromDocument") =>
    paper?.fromDocument && paper.validUntil && paper.validUntil !== typed
      ? t(key, { date: formatDate(paper.validUntil) })
      : undefined;

  // A select only when there are clubs to choose from; the athlete's club is kept either way.
  const showClubs = clubs !== null && clubs.clubs.length > 0;

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
          <TextInput control={control} value={values.fullName} onChange={(value) => set("fullName", value)} />
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
            <option value="F">{words.sex("F")}</option>
            <option value="M">{words.sex("M")}</option>
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

      <Section legend={t("form.sections.membership")}>
        {text("memberId", t("fields.memberId"), {
          placeholder: athlete ? undefined : (nextMemberId ?? undefined),
          hint: athlete ? undefined : t("form.memberIdHint"),
        })}
        {showClubs ? (
          <Field idPrefix={idPrefix} name="clubId" label={t("fields.club")} error={errors.clubId}>
            {(control) => (
              <select
                {...control}
                value={values.clubId}
                onChange={(event) => set("clubId", event.target.value)}
                className={controlClass}
              >
                <option value="">{t("form.noClub")}</option>
                {clubs.clubs.map((club) => (
                  <option key={club.id} value={club.id}>
                    {club.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {date("joinedOn", t("fields.joinedOn"), { max: todayIso() })}
      </Section>

      <Section legend={t("form.sections.papers")}>
        {text("licenceNumber", t("fields.licenceNumber"))}
        {date("licenceValidUntil", t("fields.licenceValidUntil"), {
          hint: paperHint(athlete?.licence, athlete?.licenceValidUntil, "form.licenceFromDocument"),
        })}
        {date("medicalValidUntil", t("fields.medicalValidUntil"), {
          hint: paperHint(athlete?.medical, athlete?.medicalValidUntil, "form.medicalFromDocument"),
        })}
      </Section>

      <Section legend={t("form.sections.contact")}>
        {text("phone", t("fields.phone"), { type: "tel" })}
        {text("email", t("fields.email"), { type: "email" })}
        {text("school", t("fields.school"))}
        <Field idPrefix={idPrefix} name="address" label={t("fields.address")} error={errors.address} className={FULL_ROW}>
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={values.address}
              onChange={(event) => set("address", event.target.value)}
              className={controlClass}
            />
          )}
        </Field>
      </Section>

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
        {text("guardianPhone", t("fields.guardianPhone"), { type: "tel" })}
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
            <span className="font-medium text-slate-800">{words.status(true)}</span>
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
    memberId: athlete?.memberId ?? "",
    clubId: athlete?.clubId?.toString() ?? "",
    joinedOn: athlete?.joinedOn ?? "",
    licenceNumber: athlete?.licenceNumber ?? "",
    licenceValidUntil: athlete?.licenceValidUntil ?? "",
    medicalValidUntil: athlete?.medicalValidUntil ?? "",
    phone: athlete?.phone ?? "",
    address: athlete?.address ?? "",
    school: athlete?.school ?? "",
    email: athlete?.email ?? "",
    guardianName: athlete?.guardianName ?? "",
    guardianPhone: athlete?.guardianPhone ?? "",
    notes: athlete?.notes ?? "",
    active: athlete?.active ?? true,
  };
}

function validate(values: Values, t: TFunction<"athletes">, editing: boolean): FieldErrors {
  const errors: FieldErrors = {};
  // Blank on a new athlete: Python gives the next one. An athlete on record keeps one.
  if (editing && !values.memberId.trim()) errors.memberId = t("form.problems.memberIdRequired");
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
  const dates = [
    ["joinedOn", t("fields.joinedOn")],
    ["licenceValidUntil", t("fields.licenceValidUntil")],
    ["medicalValidUntil", t("fields.medicalValidUntil")],
  ] as const;
  for (const [name, label] of dates) {
    if (values[name] && !isIsoDate(values[name])) errors[name] = dateInputProblem(label);
  }
  if (!errors.joinedOn && values.joinedOn > todayIso()) errors.joinedOn = t("form.problems.joinedOnFuture");
  const email = values.email.trim();
  if (email && !EMAIL.test(email)) errors.email = t("form.problems.email");
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
    memberId: optional(values.memberId),
    clubId: values.clubId ? Number(values.clubId) : null,
    joinedOn: values.joinedOn || null,
    address: optional(values.address),
    school: optional(values.school),
    licenceNumber: optional(values.licenceNumber),
    licenceValidUntil: values.licenceValidUntil || null,
    medicalValidUntil: values.medicalValidUntil || null,
    phone: optional(values.phone),
    email: optional(values.email),
    guardianName: optional(values.guardianName),
    guardianPhone: optional(values.guardianPhone),
    notes: optional(values.notes),
    active: values.active,
  };
}

/** A group of the form's fields, named by its legend (read with each field in it). */
function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className={SECTION_CLASS}>
      <legend className="float-left col-span-3 mb-0 w-full text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}
