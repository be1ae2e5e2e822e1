import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "../../components/ui/Button";
import { cn } from "../../components/ui/cn";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { controlClass, Field } from "../../components/ui/Field";
import { api } from "../../lib/bridge";
import { formatDate, todayIso } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import { isValid, useFieldErrors, type FieldErrors } from "../../lib/use-field-errors";
import { useFocusAfterRender } from "../../lib/use-focus-after-render";
import type { Athlete, Medal, MedalPlace } from "../../types/bridge";
import { HistorySection } from "./HistorySection";

const PLACES: Record<MedalPlace, { label: string; className: string }> = {
  gold: { label: "Gold", className: "bg-amber-100 text-amber-900 ring-amber-400" },
  silver: { label: "Silver", className: "bg-slate-100 text-slate-800 ring-slate-400" },
  bronze: { label: "Bronze", className: "bg-orange-100 text-orange-900 ring-orange-400" },
};
const DOT: Record<MedalPlace, string> = {
  gold: "bg-amber-400",
  silver: "bg-slate-400",
  bronze: "bg-orange-600",
};

interface MedalHistoryProps {
  athlete: Athlete;
  onChange: (athlete: Athlete) => void;
}

/** The podium places, newest first, and the form that adds one. */
export function MedalHistory({ athlete, onChange }: MedalHistoryProps) {
  const [adding, setAdding] = useState(false);
  const [toDelete, setToDelete] = useState<Medal | null>(null);
  const openButtonRef = useRef<HTMLButtonElement>(null);
  const focusOpenButton = useFocusAfterRender(openButtonRef);

  const closeForm = () => {
    setAdding(false);
    // The button comes back as the form goes: give it the focus the form had.
    focusOpenButton();
  };

  const remove = async (medal: Medal) => {
    let updated: Athlete;
    try {
      updated = await api().athletes.deleteMedal(medal.id);
    } catch (err) {
      notifyError(err, "Couldn't delete the medal");
      return;
    }
    setToDelete(null);
    onChange(updated);
    // Its Delete button is gone with it: carry on from the section's own button.
    focusOpenButton();
    notifySuccess("Medal deleted");
  };

  return (
    <HistorySection
      title="Medal history"
      action={
        adding ? null : (
          <Button ref={openButtonRef} variant="secondary" onClick={() => setAdding(true)}>
            Add medal
          </Button>
        )
      }
    >
      {adding ? (
        <MedalForm
          athlete={athlete}
          onSaved={(updated, medal) => {
            onChange(updated);
            notifySuccess(`Added ${PLACES[medal.place].label.toLowerCase()} at ${medal.competition}`);
            closeForm();
          }}
          onCancel={closeForm}
        />
      ) : null}

      {athlete.medals.length === 0 ? (
        <p className="text-sm text-slate-500">No medals recorded yet.</p>
      ) : (
        <ol aria-label="Medals, newest first" className="divide-y divide-slate-100">
          {athlete.medals.map((medal) => (
            <li key={medal.id} className="flex items-center gap-4 py-3 first:pt-0 last:pb-0">
              <MedalBadge place={medal.place} />
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-semibold text-slate-900">{medal.competition}</p>
                <p className="text-sm text-slate-600">
                  <time dateTime={medal.heldOn}>{formatDate(medal.heldOn)}</time>
                  {medal.category ? ` · ${medal.category}` : null}
                </p>
              </div>
              <Button
                variant="ghostDanger"
                size="sm"
                aria-label={`Delete ${PLACES[medal.place].label.toLowerCase()} medal at ${medal.competition}`}
                onClick={() => setToDelete(medal)}
              >
                Delete
              </Button>
            </li>
          ))}
        </ol>
      )}

      {toDelete ? (
        <ConfirmDialog
          title="Delete this medal?"
          confirmLabel="Delete medal"
          onConfirm={() => remove(toDelete)}
          onCancel={() => setToDelete(null)}
        >
          <p>
            {PLACES[toDelete.place].label} at {toDelete.competition} on {formatDate(toDelete.heldOn)}.
            This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </HistorySection>
  );
}

/** The place in words and in its metal's colour: the colour is never the only clue. */
function MedalBadge({ place }: { place: MedalPlace }) {
  const { label, className } = PLACES[place];
  return (
    <span
      className={cn(
        "inline-flex w-20 shrink-0 items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset",
        className,
      )}
    >
      <span aria-hidden="true" className={cn("size-2.5 rounded-full", DOT[place])} />
      {label}
    </span>
  );
}

interface MedalFormProps {
  athlete: Athlete;
  onSaved: (athlete: Athlete, medal: { competition: string; place: MedalPlace }) => void;
  onCancel: () => void;
}

function MedalForm({ athlete, onSaved, onCancel }: MedalFormProps) {
  const idPrefix = useId();
  const [competition, setCompetition] = useState("");
  const [heldOn, setHeldOn] = useState(todayIso);
  const [place, setPlace] = useState<MedalPlace | "">("");
  const [category, setCategory] = useState("");
  const [saving, setSaving] = useState(false);
  const { formRef, errors, show, clear, fail } = useFieldErrors();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!competition.trim()) problems.competition = "Competition is required.";
    if (!heldOn) problems.heldOn = "Competition date is required.";
    else if (heldOn > todayIso()) problems.heldOn = "Competition date can't be in the future.";
    else if (heldOn < athlete.birthDate) problems.heldOn = "Competition date can't be before the birth date.";
    if (!place) problems.place = "Choose gold, silver or bronze.";
    if (!isValid(problems) || !place) {
      show(problems);
      return;
    }
    setSaving(true);
    try {
      const input = { competition: competition.trim(), heldOn, place, category: category.trim() || null };
      onSaved(await api().athletes.addMedal(athlete.id, input), input);
    } catch (err) {
      fail(err, "Couldn't add the medal");
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Add medal"
      onSubmit={(event) => void submit(event)}
      className="mb-6 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200 ring-inset"
    >
      <div className="grid grid-cols-2 gap-x-5 gap-y-4">
        <Field idPrefix={idPrefix} name="competition" label="Competition" error={errors.competition} className="col-span-2">
          {(control) => (
            <input
              {...control}
              type="text"
              autoFocus
              autoComplete="off"
              value={competition}
              onChange={(event) => {
                setCompetition(event.target.value);
                clear("competition");
              }}
              className={controlClass}
            />
          )}
        </Field>
        <Field idPrefix={idPrefix} name="heldOn" label="Competition date" error={errors.heldOn}>
          {(control) => (
            <input
              {...control}
              type="date"
              max={todayIso()}
              value={heldOn}
              onChange={(event) => {
                setHeldOn(event.target.value);
                clear("heldOn");
              }}
              className={controlClass}
            />
          )}
        </Field>
        <Field idPrefix={idPrefix} name="place" label="Place" error={errors.place}>
          {(control) => (
            <select
              {...control}
              value={place}
              onChange={(event) => {
                setPlace(parsePlace(event.target.value));
                clear("place");
              }}
              className={controlClass}
            >
              <option value="" disabled>
                Choose…
              </option>
              <option value="gold">Gold</option>
              <option value="silver">Silver</option>
              <option value="bronze">Bronze</option>
            </select>
          )}
        </Field>
        <Field
          idPrefix={idPrefix}
          name="category"
          label="Category"
          error={errors.category}
          hint="Optional, e.g. U18 −63 kg"
          className="col-span-2"
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              value={category}
              onChange={(event) => {
                setCategory(event.target.value);
                clear("category");
              }}
              className={controlClass}
            />
          )}
        </Field>
      </div>
      <div className="mt-4 flex justify-end gap-3">
        <Button variant="secondary" disabled={saving} onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" busy={saving}>
          Save medal
        </Button>
      </div>
    </form>
  );
}

function parsePlace(value: string): MedalPlace | "" {
  return value === "gold" || value === "silver" || value === "bronze" ? value : "";
}
