import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { BeltBadge } from "../../components/BeltBadge";
import { controlClass, Field, TextInput } from "../../components/ui/Field";
import { FormDialog } from "../../components/ui/FormDialog";
import { api } from "../../lib/bridge";
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
  // Remembered while unticked, so ticking "Two colours" again brings back the same colour.
  const [secondColor, setSecondColor] = useState(belt?.secondColor ?? DEFAULT_SECOND_COLOR);
  const form = useFormSubmit({
    check: () => {
      const problems: FieldErrors = {};
      if (!values.name.trim()) problems.name = t("nameRequired");
      return problems;
    },
    save: async () => {
      const input = { ...values, name: values.name.trim() };
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

function parseKind(value: string): BeltKind {
  return value === "dan" ? "dan" : "kyu";
}
