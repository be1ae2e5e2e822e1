import { useId, useRef, useState, type FormEvent } from "react";
import { BeltBadge } from "../../components/BeltBadge";
import { Button } from "../../components/ui/Button";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { controlClass, Field } from "../../components/ui/Field";
import { api } from "../../lib/bridge";
import { formatDate, todayIso } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import { isValid, useFieldErrors, type FieldErrors } from "../../lib/use-field-errors";
import type { RuleIndex } from "../../lib/use-rules";
import { useFocusAfterRender } from "../../lib/use-focus-after-render";
import type { Athlete, Promotion } from "../../types/bridge";
import { HistorySection } from "./HistorySection";

interface PromotionHistoryProps {
  athlete: Athlete;
  rules: RuleIndex | null;
  onChange: (athlete: Athlete) => void;
}

/** The gradings, newest first, and the form that records the next one. */
export function PromotionHistory({ athlete, rules, onChange }: PromotionHistoryProps) {
  const [recording, setRecording] = useState(false);
  const [toDelete, setToDelete] = useState<Promotion | null>(null);
  const openButtonRef = useRef<HTMLButtonElement>(null);
  const focusOpenButton = useFocusAfterRender(openButtonRef);
  const beltName = (id: number) => rules?.beltById.get(id)?.name ?? "a belt no longer on the ladder";
  /** What the athlete holds after the newest promotion is gone. */
  const beltNow = (id: number | null) =>
    id === null
      ? `${athlete.fullName} has no belt recorded now.`
      : `${athlete.fullName}'s belt is ${beltName(id)} again.`;

  const closeForm = () => {
    setRecording(false);
    // The button comes back as the form goes: give it the focus the form had.
    focusOpenButton();
  };

  const remove = async (promotion: Promotion) => {
    let updated: Athlete;
    try {
      updated = await api().athletes.deletePromotion(promotion.id);
    } catch (err) {
      notifyError(err, "Couldn't delete the promotion");
      return;
    }
    setToDelete(null);
    onChange(updated);
    // Its Delete button is gone with it: carry on from the section's own button.
    focusOpenButton();
    notifySuccess("Promotion deleted", updated.beltId === athlete.beltId ? undefined : beltNow(updated.beltId));
  };

  const newest = athlete.promotions[0];

  return (
    <HistorySection
      title="Promotion history"
      action={
        recording ? null : (
          <Button ref={openButtonRef} variant="secondary" onClick={() => setRecording(true)}>
            Record promotion
          </Button>
        )
      }
    >
      {recording ? (
        <PromotionForm
          athlete={athlete}
          rules={rules}
          onSaved={(updated, promotedTo) => {
            onChange(updated);
            notifySuccess(`Recorded the promotion to ${promotedTo} for ${updated.fullName}`);
            closeForm();
          }}
          onCancel={closeForm}
        />
      ) : null}

      {athlete.promotions.length === 0 ? (
        <p className="text-sm text-slate-500">No promotions recorded yet.</p>
      ) : (
        <ol aria-label="Promotions, newest first" className="space-y-0">
          {athlete.promotions.map((promotion) => {
            const belt = rules?.beltById.get(promotion.beltId);
            return (
              <li key={promotion.id} className="relative flex gap-4 border-l-2 border-slate-200 pb-5 pl-5 last:pb-0">
                <span aria-hidden="true" className="absolute top-1.5 -left-[7px] size-3 rounded-full border-2 border-white bg-slate-400" />
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <time dateTime={promotion.promotedOn} className="text-sm font-semibold text-slate-900">
                      {formatDate(promotion.promotedOn)}
                    </time>
                    <BeltBadge belt={belt} />
                    <span className="text-sm text-slate-500">
                      {promotion.fromBeltId === null
                        ? "no earlier belt recorded"
                        : `from ${beltName(promotion.fromBeltId)}`}
                    </span>
                  </div>
                  {promotion.examiner ? (
                    <p className="mt-1 text-sm text-slate-700">Examiner: {promotion.examiner}</p>
                  ) : null}
                  {promotion.notes ? (
                    <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{promotion.notes}</p>
                  ) : null}
                </div>
                <Button
                  variant="ghostDanger"
                  size="sm"
                  className="self-start"
                  aria-label={`Delete promotion to ${belt?.name ?? "this belt"} on ${formatDate(promotion.promotedOn)}`}
                  onClick={() => setToDelete(promotion)}
                >
                  Delete
                </Button>
              </li>
            );
          })}
        </ol>
      )}

      {toDelete ? (
        <ConfirmDialog
          title="Delete this promotion?"
          confirmLabel="Delete promotion"
          onConfirm={() => remove(toDelete)}
          onCancel={() => setToDelete(null)}
        >
          <p>
            {beltName(toDelete.beltId)} on {formatDate(toDelete.promotedOn)}.{" "}
            {toDelete.id === newest?.id
              ? toDelete.fromBeltId === null
                ? `It is the latest promotion, so ${athlete.fullName} will have no belt recorded.`
                : `It is the latest promotion, so ${athlete.fullName}'s belt goes back to ${beltName(toDelete.fromBeltId)}.`
              : `${athlete.fullName} keeps their current belt.`}{" "}
            This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </HistorySection>
  );
}

interface PromotionFormProps {
  athlete: Athlete;
  rules: RuleIndex | null;
  onSaved: (athlete: Athlete, promotedTo: string) => void;
  onCancel: () => void;
}

function PromotionForm({ athlete, rules, onSaved, onCancel }: PromotionFormProps) {
  const idPrefix = useId();
  const [promotedOn, setPromotedOn] = useState(todayIso);
  const [beltId, setBeltId] = useState(() => nextBeltId(athlete, rules));
  // The rules may arrive after the form opened: preselect then, unless the coach chose.
  const [rulesSeen, setRulesSeen] = useState(rules !== null);
  if (!rulesSeen && rules !== null) {
    setRulesSeen(true);
    if (!beltId) setBeltId(nextBeltId(athlete, rules));
  }
  const [examiner, setExaminer] = useState("");
  const [notes, setNotes] = useState("");
  const [saving, setSaving] = useState(false);
  const { formRef, errors, show, clear, fail } = useFieldErrors();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!promotedOn) problems.promotedOn = "Promotion date is required.";
    else if (promotedOn > todayIso()) problems.promotedOn = "Promotion date can't be in the future.";
    else if (promotedOn < athlete.birthDate) problems.promotedOn = "Promotion date can't be before the birth date.";
    if (!beltId) problems.beltId = "Choose the belt reached.";
    if (!isValid(problems)) {
      show(problems);
      return;
    }
    setSaving(true);
    try {
      const updated = await api().athletes.addPromotion(athlete.id, {
        promotedOn,
        beltId: Number(beltId),
        examiner: examiner.trim() || null,
        notes: notes.trim() || null,
      });
      onSaved(updated, rules?.beltById.get(Number(beltId))?.name ?? "the new belt");
    } catch (err) {
      fail(err, "Couldn't record the promotion");
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Record promotion"
      onSubmit={(event) => void submit(event)}
      className="mb-6 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200 ring-inset"
    >
      <div className="grid grid-cols-2 gap-x-5 gap-y-4">
        <Field idPrefix={idPrefix} name="promotedOn" label="Promotion date" error={errors.promotedOn}>
          {(control) => (
            <input
              {...control}
              type="date"
              autoFocus
              max={todayIso()}
              value={promotedOn}
              onChange={(event) => {
                setPromotedOn(event.target.value);
                clear("promotedOn");
              }}
              className={controlClass}
            />
          )}
        </Field>
        <Field idPrefix={idPrefix} name="beltId" label="New belt" error={errors.beltId}>
          {(control) => (
            <select
              {...control}
              value={beltId}
              onChange={(event) => {
                setBeltId(event.target.value);
                clear("beltId");
              }}
              className={controlClass}
            >
              <option value="" disabled>
                Choose a belt…
              </option>
              {rules?.rules.belts.map((belt) => (
                <option key={belt.id} value={belt.id}>
                  {belt.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field idPrefix={idPrefix} name="examiner" label="Examiner" error={errors.examiner}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              value={examiner}
              onChange={(event) => {
                setExaminer(event.target.value);
                clear("examiner");
              }}
              className={controlClass}
            />
          )}
        </Field>
        <Field idPrefix={idPrefix} name="notes" label="Notes" error={errors.notes}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              value={notes}
              onChange={(event) => {
                setNotes(event.target.value);
                clear("notes");
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
          Save promotion
        </Button>
      </div>
    </form>
  );
}

/** The belt after the current one on the ladder (the first belt for someone without one). */
/** The belt above the current one; none at the top of the ladder (nothing to preselect). */
function nextBeltId(athlete: Athlete, rules: RuleIndex | null): string {
  const belts = rules?.rules.belts ?? [];
  const next = belts[belts.findIndex((belt) => belt.id === athlete.beltId) + 1];
  return next ? String(next.id) : "";
}
