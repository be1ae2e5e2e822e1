import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { controlClass, Field, TextInput } from "../../components/ui/Field";
import { FormDialog } from "../../components/ui/FormDialog";
import { api } from "../../lib/bridge";
import { publishClubs, type ClubInput } from "../../lib/clubs";
import { notifyError, notifySuccess } from "../../lib/notify";
import type { FieldErrors } from "../../lib/use-field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import type { Club } from "../../types/bridge";
import { applyLogoChange, KEEP_LOGO, type LogoChange } from "./logo-change";
import { LogoPicker } from "./LogoPicker";

type TextField = "name" | "shortName" | "city" | "federation" | "contact";
type Values = Record<TextField, string>;

interface ClubEditorDialogProps {
  /** The club to edit; without one, the dialog adds a club. */
  club?: Club;
  onClose: () => void;
}

/** Add or edit a club: name, short name, city, federation, contact and logo. */
export function ClubEditorDialog({ club, onClose }: ClubEditorDialogProps) {
  const { t } = useTranslation("clubs");
  const idPrefix = useId();
  const [values, setValues] = useState<Values>(() => ({
    name: club?.name ?? "",
    shortName: club?.shortName ?? "",
    city: club?.city ?? "",
    federation: club?.federation ?? "",
    contact: club?.contact ?? "",
  }));
  const [logo, setLogo] = useState<LogoChange>(KEEP_LOGO);
  const form = useFormSubmit({
    check: () => {
      const problems: FieldErrors = {};
      if (!values.name.trim()) problems.name = t("editor.problems.nameRequired");
      return problems;
    },
    save: async () => {
      const input = toInput(values);
      const saved = club ? await api().clubs.update(club.id, input) : await api().clubs.create(input);
      publishClubs(saved);
      // Names are unique whatever their case (Python checks it), so the name finds a new club.
      const key = input.name.toLocaleLowerCase();
      const id = club
        ? club.id
        : saved.find((candidate) => candidate.name.toLocaleLowerCase() === key)?.id;
      if (id !== undefined) {
        try {
          const withLogo = await applyLogoChange(
            logo,
            (token) => api().clubs.setLogo(id, token),
            () => api().clubs.removeLogo(id),
          );
          if (withLogo) publishClubs(withLogo);
        } catch (err) {
          // The club itself is saved: say what wasn't, and close (saving again would add it twice).
          notifyError(err, t("editor.logoFailed", { name: input.name }));
        }
      }
      notifySuccess(club ? t("editor.saved", { name: input.name }) : t("editor.added", { name: input.name }));
      onClose();
    },
    failTitle: club ? t("editor.saveFailed") : t("editor.addFailed"),
  });
  const { errors, clear } = form;

  const set = (name: TextField, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    clear(name);
  };

  const text = (name: TextField, label: string, options: { hint?: string; wide?: boolean } = {}) => (
    <Field
      idPrefix={idPrefix}
      name={name}
      label={label}
      error={errors[name]}
      hint={options.hint}
      className={options.wide ? "col-span-2" : undefined}
    >
      {(control) => (
        <TextInput control={control} value={values[name]} onChange={(value) => set(name, value)} />
      )}
    </Field>
  );

  return (
    <FormDialog
      title={club ? t("editor.editTitle", { name: club.name }) : t("editor.addTitle")}
      description={club ? undefined : t("editor.addDescription")}
      width="md"
      form={form}
      saveLabel={t("editor.save")}
      onClose={onClose}
      bodyClassName="grid grid-cols-2 gap-x-5 gap-y-4"
    >
      {text("name", t("fields.name"), { wide: true })}
      {text("shortName", t("fields.shortName"), { hint: t("fields.shortNameHint") })}
      {text("city", t("fields.city"))}
      {text("federation", t("fields.federation"), { wide: true })}
      <Field
        idPrefix={idPrefix}
        name="contact"
        label={t("fields.contact")}
        error={errors.contact}
        hint={t("fields.contactHint")}
        className="col-span-2"
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={values.contact}
            onChange={(event) => set("contact", event.target.value)}
            className={controlClass}
          />
        )}
      </Field>
      <LogoPicker
        logoId={club?.logoId ?? null}
        name={values.name.trim() || club?.name || ""}
        change={logo}
        onChange={setLogo}
        disabled={form.saving}
      />
    </FormDialog>
  );
}

function toInput(values: Values): ClubInput {
  const optional = (value: string) => value.trim() || null;
  return {
    name: values.name.trim(),
    shortName: optional(values.shortName),
    federation: optional(values.federation),
    city: optional(values.city),
    contact: optional(values.contact),
  };
}
