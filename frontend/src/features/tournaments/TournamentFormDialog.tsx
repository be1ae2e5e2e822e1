import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { DateInput } from "../../components/ui/DateInput";
import { controlClass, Field, TextInput } from "../../components/ui/Field";
import { FormDialog } from "../../components/ui/FormDialog";
import { api } from "../../lib/bridge";
import { dateInputProblem, isIsoDate } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import type { FieldErrors } from "../../lib/use-field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import type { Tournament, TournamentFields } from "../../types/bridge";

type TextField = "name" | "location" | "organiser" | "notes";
type DateField = "startsOn" | "endsOn" | "entryDeadline";
type Values = Record<TextField | DateField, string>;

interface TournamentFormDialogProps {
  /** The tournament to edit; without one, the dialog creates a tournament. */
  tournament?: Tournament;
  onSaved: (tournament: Tournament) => void;
  onClose: () => void;
}

/** Create or edit a tournament: its name, days, place, organiser, entry deadline and notes. */
export function TournamentFormDialog({ tournament, onSaved, onClose }: TournamentFormDialogProps) {
  const { t } = useTranslation("tournaments");
  const idPrefix = useId();
  const [values, setValues] = useState<Values>(() => ({
    name: tournament?.name ?? "",
    startsOn: tournament?.startsOn ?? "",
    endsOn: tournament?.endsOn ?? "",
    location: tournament?.location ?? "",
    organiser: tournament?.organiser ?? "",
    entryDeadline: tournament?.entryDeadline ?? "",
    notes: tournament?.notes ?? "",
  }));

  const form = useFormSubmit({
    check: () => {
      const problems: FieldErrors = {};
      if (!values.name.trim()) problems.name = t("form.problems.nameRequired");
      if (!values.startsOn.trim()) problems.startsOn = t("form.problems.startsOnRequired");
      for (const [name, label] of [
        ["startsOn", t("fields.startsOn")],
        ["endsOn", t("fields.endsOn")],
        ["entryDeadline", t("fields.entryDeadline")],
      ] as const) {
        const value = values[name].trim();
        if (value && !problems[name] && !isIsoDate(value)) problems[name] = dateInputProblem(label);
      }
      if (!problems.startsOn && !problems.endsOn && values.endsOn.trim() && values.endsOn < values.startsOn) {
        problems.endsOn = t("form.problems.endsBeforeStart");
      }
      return problems;
    },
    save: async () => {
      const input = toFields(values);
      const saved = tournament ? await api().tournaments.update(tournament.id, input) : await api().tournaments.create(input);
      notifySuccess(tournament ? t("form.saved", { name: saved.name }) : t("form.created", { name: saved.name }));
      onSaved(saved);
    },
    failTitle: tournament ? t("form.saveFailed") : t("form.createFailed"),
  });
  const { errors, clear } = form;

  const set = (name: keyof Values, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    clear(name);
  };

  const text = (name: Exclude<TextField, "notes">, label: string, wide = false) => (
    <Field idPrefix={idPrefix} name={name} label={label} error={errors[name]} className={wide ? "col-span-2" : undefined}>
      {(control) => (
        <TextInput control={control} value={values[name]} onChange={(value) => set(name, value)} />
      )}
    </Field>
  );

  const date = (name: DateField, label: string, hint?: string) => (
    <Field idPrefix={idPrefix} name={name} label={label} error={errors[name]} hint={hint}>
      {(control) => <DateInput control={control} label={label} value={values[name]} onChange={(value) => set(name, value)} />}
    </Field>
  );

  return (
    <FormDialog
      title={tournament ? t("form.editTitle", { name: tournament.name }) : t("form.createTitle")}
      description={tournament ? undefined : t("form.createDescription")}
      width="md"
      form={form}
      saveLabel={tournament ? t("form.save") : t("form.create")}
      onClose={onClose}
      bodyClassName="grid grid-cols-2 gap-x-5 gap-y-4"
    >
      {text("name", t("fields.name"), true)}
      {date("startsOn", t("fields.startsOn"))}
      {date("endsOn", t("fields.endsOn"), t("fields.endsOnHint"))}
      {text("location", t("fields.location"))}
      {text("organiser", t("fields.organiser"))}
      {date("entryDeadline", t("fields.entryDeadline"), t("fields.entryDeadlineHint"))}
      <Field idPrefix={idPrefix} name="notes" label={t("fields.notes")} error={errors.notes} className="col-span-2">
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={values.notes}
            onChange={(event) => set("notes", event.target.value)}
            className={controlClass}
          />
        )}
      </Field>
    </FormDialog>
  );
}

function toFields(values: Values): TournamentFields {
  const optional = (value: string) => value.trim() || null;
  return {
    name: values.name.trim(),
    startsOn: values.startsOn.trim(),
    endsOn: optional(values.endsOn),
    location: optional(values.location),
    organiser: optional(values.organiser),
    entryDeadline: optional(values.entryDeadline),
    notes: optional(values.notes),
  };
}
