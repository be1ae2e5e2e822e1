import { useId, useState, type FormEvent } from "react";
import { BeltBadge } from "../../components/BeltBadge";
import { Button } from "../../components/ui/Button";
import { Dialog, DialogFooter } from "../../components/ui/Dialog";
import { controlClass, Field } from "../../components/ui/Field";
import { api } from "../../lib/bridge";
import { notifySuccess } from "../../lib/notify";
import { isValid, useFieldErrors, type FieldErrors } from "../../lib/use-field-errors";
import { publishRules } from "../../lib/use-rules";
import type { Belt, BeltInput, BeltKind } from "../../types/bridge";

/** A new belt starts white, with yellow offered as its second colour. */
const NEW_BELT: BeltInput = { name: "", kind: "kyu", color: "#ffffff", secondColor: null };
const DEFAULT_SECOND_COLOR = "#facc15";

interface BeltEditorDialogProps {
  /** The belt to edit; without one, a new belt goes on top of the ladder. */
  belt?: Belt;
  onClose: () => void;
}

export function BeltEditorDialog({ belt, onClose }: BeltEditorDialogProps) {
  const idPrefix = useId();
  const [values, setValues] = useState<BeltInput>(() =>
    belt ? { name: belt.name, kind: belt.kind, color: belt.color, secondColor: belt.secondColor } : NEW_BELT,
  );
  // Remembered while unticked, so ticking "Two colours" again brings back the same colour.
  const [secondColor, setSecondColor] = useState(belt?.secondColor ?? DEFAULT_SECOND_COLOR);
  const [saving, setSaving] = useState(false);
  const { formRef, errors, show, clear, fail } = useFieldErrors();

  const change = (patch: Partial<BeltInput>) => {
    setValues((current) => ({ ...current, ...patch }));
    Object.keys(patch).forEach(clear);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!values.name.trim()) problems.name = "Name is required.";
    if (!isValid(problems)) {
      show(problems);
      return;
    }
    setSaving(true);
    try {
      const input = { ...values, name: values.name.trim() };
      publishRules(belt ? await api().rules.updateBelt(belt.id, input) : await api().rules.createBelt(input));
      notifySuccess(belt ? `Saved the ${input.name} belt` : `Added the ${input.name} belt`);
      onClose();
    } catch (err) {
      fail(err, belt ? "Couldn't save the belt" : "Couldn't add the belt");
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={belt ? `Edit ${belt.name}` : "Add belt"}
      description={belt ? undefined : "It goes on top of the ladder; move it down to where it belongs."}
      busy={saving}
      onClose={onClose}
      width="sm"
    >
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)}>
        <div className="space-y-4 px-7 pt-5">
          <Field idPrefix={idPrefix} name="name" label="Name" error={errors.name}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                value={values.name}
                onChange={(event) => change({ name: event.target.value })}
                className={controlClass}
              />
            )}
          </Field>
          <Field idPrefix={idPrefix} name="kind" label="Kind" error={errors.kind}>
            {(control) => (
              <select
                {...control}
                value={values.kind}
                onChange={(event) => change({ kind: parseKind(event.target.value) })}
                className={controlClass}
              >
                <option value="kyu">Kyu (coloured belts)</option>
                <option value="dan">Dan (black belts and above)</option>
              </select>
            )}
          </Field>
          <div className="flex flex-wrap items-start gap-x-6 gap-y-4">
            <Field idPrefix={idPrefix} name="color" label="Colour" error={errors.color}>
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
                Two colours
              </label>
            </div>
            {values.secondColor !== null ? (
              <Field idPrefix={idPrefix} name="secondColor" label="Second colour" error={errors.secondColor}>
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
            Preview
            <BeltBadge
              belt={{ name: values.name.trim() || "New belt", color: values.color, secondColor: values.secondColor }}
              size="md"
            />
          </div>
        </div>
        <DialogFooter>
          <Button variant="secondary" disabled={saving} onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={saving}>
            Save belt
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

function parseKind(value: string): BeltKind {
  return value === "dan" ? "dan" : "kyu";
}
