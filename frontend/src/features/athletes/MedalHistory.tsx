import { useId, useState } from "react";
import { Button } from "../../components/ui/Button";
import { cn } from "../../components/ui/cn";
import { DateInput } from "../../components/ui/DateInput";
import { controlClass, Field } from "../../components/ui/Field";
import { api } from "../../lib/bridge";
import { dateInputProblem, formatDate, isIsoDate, todayIso } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import type { FieldErrors } from "../../lib/use-field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import type { Athlete, Medal, MedalPlace } from "../../types/bridge";
import { HistoryForm, HistorySection, useHistoryEditing } from "./HistorySection";

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
  const editing = useHistoryEditing<Medal>({
    deleteEntry: (medal) => api().athletes.deleteMedal(medal.id, athlete.revision),
    deleteFailTitle: "Couldn't delete the medal",
    onDeleted: (updated) => {
      onChange(updated);
      notifySuccess("Medal deleted");
    },
  });

  return (
    <HistorySection
      title="Medal history"
      buttonLabel="Add medal"
      editing={editing}
      form={
        <MedalForm
          // A fresh form for each entry corrected: its fields start from that entry.
          key={editing.toEdit?.id ?? "new"}
          athlete={athlete}
          medal={editing.toEdit}
          onSaved={(updated, medal) => {
            onChange(updated);
            const what = `${PLACES[medal.place].label.toLowerCase()} at ${medal.competition}`;
            notifySuccess(editing.toEdit ? `Saved ${what}` : `Added ${what}`);
            editing.closeForm();
          }}
          onCancel={editing.closeForm}
        />
      }
      deletePrompt={{
        title: "Delete this medal?",
        confirmLabel: "Delete medal",
        describe: (medal) => (
          <p>
            {PLACES[medal.place].label} at {medal.competition} on {formatDate(medal.heldOn)}.
            This cannot be undone.
          </p>
        ),
      }}
    >
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
                variant="ghost"
                size="sm"
                aria-label={`Edit ${PLACES[medal.place].label.toLowerCase()} medal at ${medal.competition}`}
                onClick={() => editing.openEdit(medal)}
              >
                Edit
              </Button>
              <Button
                variant="ghostDanger"
                size="sm"
                aria-label={`Delete ${PLACES[medal.place].label.toLowerCase()} medal at ${medal.competition}`}
                onClick={() => editing.askDelete(medal)}
              >
                Delete
              </Button>
            </li>
          ))}
        </ol>
      )}
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
  /** The medal to correct; null to add a new one. */
  medal: Medal | null;
  onSaved: (athlete: Athlete, medal: { competition: string; place: MedalPlace }) => void;
  onCancel: () => void;
}

function MedalForm({ athlete, medal, onSaved, onCancel }: MedalFormProps) {
  const idPrefix = useId();
  const [competition, setCompetition] = useState(medal?.competition ?? "");
  const [heldOn, setHeldOn] = useState(() => medal?.heldOn ?? todayIso());
  const [place, setPlace] = useState<MedalPlace | "">(medal?.place ?? "");
  const [category, setCategory] = useState(medal?.category ?? "");
  const form = useFormSubmit({
    check: () => {
      const problems: FieldErrors = {};
      if (!competition.trim()) problems.competition = "Competition is required.";
      if (!heldOn) problems.heldOn = "Competition date is required.";
      else if (!isIsoDate(heldOn)) problems.heldOn = dateInputProblem("Competition date");
      else if (heldOn > todayIso()) problems.heldOn = "Competition date can't be in the future.";
      else if (heldOn < athlete.birthDate) problems.heldOn = "Competition date can't be before the birth date.";
      if (!place) problems.place = "Choose gold, silver or bronze.";
      return problems;
    },
    save: async () => {
      // `check` refused an empty place; this only tells TypeScript so.
      if (!place) return;
      const input = { competition: competition.trim(), heldOn, place, category: category.trim() || null };
      const updated = medal
        ? await api().athletes.updateMedal(medal.id, athlete.revision, input)
        : await api().athletes.addMedal(athlete.id, athlete.revision, input);
      onSaved(updated, input);
    },
    failTitle: medal ? "Couldn't save the medal" : "Couldn't add the medal",
  });
  const { errors, clear } = form;

  return (
    <HistoryForm
      label={medal ? "Edit medal" : "Add medal"}
      saveLabel={medal ? "Save changes" : "Save medal"}
      form={form}
      onCancel={onCancel}
    >
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
          <DateInput
            control={control}
            label="Competition date"
            max={todayIso()}
            value={heldOn}
            onChange={(value) => {
              setHeldOn(value);
              clear("heldOn");
            }}
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
    </HistoryForm>
  );
}

function parsePlace(value: string): MedalPlace | "" {
  return value === "gold" || value === "silver" || value === "bronze" ? value : "";
}
