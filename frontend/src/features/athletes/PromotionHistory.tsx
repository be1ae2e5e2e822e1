import { useId, useState } from "react";
import { BeltBadge } from "../../components/BeltBadge";
import { Button } from "../../components/ui/Button";
import { DateInput } from "../../components/ui/DateInput";
import { controlClass, Field } from "../../components/ui/Field";
import { api } from "../../lib/bridge";
import { dateInputProblem, formatDate, isIsoDate, todayIso } from "../../lib/format";
import { notifySuccess } from "../../lib/notify";
import type { FieldErrors } from "../../lib/use-field-errors";
import { useFormSubmit } from "../../lib/use-form-submit";
import type { RuleIndex } from "../../lib/use-rules";
import type { Athlete, Promotion } from "../../types/bridge";
import { BeltOptions } from "./BeltOptions";
import { HistoryForm, HistorySection, useHistoryEditing } from "./HistorySection";

interface PromotionHistoryProps {
  athlete: Athlete;
  rules: RuleIndex | null;
  onChange: (athlete: Athlete) => void;
}

/** The gradings, newest first, and the form that records the next one. */
export function PromotionHistory({ athlete, rules, onChange }: PromotionHistoryProps) {
  const beltName = (id: number) => rules?.beltById.get(id)?.name ?? "a belt no longer on the ladder";
  /** What the athlete holds after the newest promotion is gone. */
  const beltNow = (id: number | null) =>
    id === null
      ? `${athlete.fullName} has no belt recorded now.`
      : `${athlete.fullName}'s belt is ${beltName(id)} again.`;

  const editing = useHistoryEditing<Promotion>({
    deleteEntry: (promotion) => api().athletes.deletePromotion(promotion.id, athlete.revision),
    deleteFailTitle: "Couldn't delete the promotion",
    onDeleted: (updated) => {
      onChange(updated);
      notifySuccess("Promotion deleted", updated.beltId === athlete.beltId ? undefined : beltNow(updated.beltId));
    },
  });

  const newest = athlete.promotions[0];

  return (
    <HistorySection
      title="Promotion history"
      buttonLabel="Record promotion"
      editing={editing}
      form={
        <PromotionForm
          // A fresh form for each entry corrected: its fields start from that entry.
          key={editing.toEdit?.id ?? "new"}
          athlete={athlete}
          rules={rules}
          promotion={editing.toEdit}
          onSaved={(updated, promotedTo) => {
            onChange(updated);
            notifySuccess(
              editing.toEdit
                ? `Saved the promotion to ${promotedTo} for ${updated.fullName}`
                : `Recorded the promotion to ${promotedTo} for ${updated.fullName}`,
            );
            editing.closeForm();
          }}
          onCancel={editing.closeForm}
        />
      }
      deletePrompt={{
        title: "Delete this promotion?",
        confirmLabel: "Delete promotion",
        describe: (promotion) => (
          <p>
            {beltName(promotion.beltId)} on {formatDate(promotion.promotedOn)}.{" "}
            {promotion.id === newest?.id
              ? promotion.fromBeltId === null
                ? `It is the latest promotion, so ${athlete.fullName} will have no belt recorded.`
                : `It is the latest promotion, so ${athlete.fullName}'s belt goes back to ${beltName(promotion.fromBeltId)}.`
              : `${athlete.fullName} keeps their current belt.`}{" "}
            This cannot be undone.
          </p>
        ),
      }}
    >
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
                  variant="ghost"
                  size="sm"
                  className="self-start"
                  aria-label={`Edit promotion to ${belt?.name ?? "this belt"} on ${formatDate(promotion.promotedOn)}`}
                  onClick={() => editing.openEdit(promotion)}
                >
                  Edit
                </Button>
                <Button
                  variant="ghostDanger"
                  size="sm"
                  className="self-start"
                  aria-label={`Delete promotion to ${belt?.name ?? "this belt"} on ${formatDate(promotion.promotedOn)}`}
                  onClick={() => editing.askDelete(promotion)}
                >
                  Delete
                </Button>
              </li>
            );
          })}
        </ol>
      )}
    </HistorySection>
  );
}

interface PromotionFormProps {
  athlete: Athlete;
  rules: RuleIndex | null;
  /** The grading to correct; null to record a new one. */
  promotion: Promotion | null;
  onSaved: (athlete: Athlete, promotedTo: string) => void;
  onCancel: () => void;
}

function PromotionForm({ athlete, rules, promotion, onSaved, onCancel }: PromotionFormProps) {
  const idPrefix = useId();
  const [promotedOn, setPromotedOn] = useState(() => promotion?.promotedOn ?? todayIso());
  const [beltId, setBeltId] = useState(() => (promotion ? String(promotion.beltId) : nextBeltId(athlete, rules)));
  // The rules may arrive after the form opened: preselect then, unless the coach chose.
  const [rulesSeen, setRulesSeen] = useState(rules !== null);
  if (!rulesSeen && rules !== null) {
    setRulesSeen(true);
    if (!beltId) setBeltId(nextBeltId(athlete, rules));
  }
  const [examiner, setExaminer] = useState(promotion?.examiner ?? "");
  const [notes, setNotes] = useState(promotion?.notes ?? "");
  const form = useFormSubmit({
    check: () => {
      const problems: FieldErrors = {};
      if (!promotedOn) problems.promotedOn = "Promotion date is required.";
      else if (!isIsoDate(promotedOn)) problems.promotedOn = dateInputProblem("Promotion date");
      else if (promotedOn > todayIso()) problems.promotedOn = "Promotion date can't be in the future.";
      else if (promotedOn < athlete.birthDate) problems.promotedOn = "Promotion date can't be before the birth date.";
      if (!beltId) problems.beltId = "Choose the belt reached.";
      return problems;
    },
    save: async () => {
      const input = {
        promotedOn,
        beltId: Number(beltId),
        examiner: examiner.trim() || null,
        notes: notes.trim() || null,
      };
      // A correction is checked by Python as a delete and a re-add, so the chain holds.
      const updated = promotion
        ? await api().athletes.updatePromotion(promotion.id, athlete.revision, input)
        : await api().athletes.addPromotion(athlete.id, athlete.revision, input);
      onSaved(updated, rules?.beltById.get(Number(beltId))?.name ?? "the new belt");
    },
    failTitle: promotion ? "Couldn't save the promotion" : "Couldn't record the promotion",
  });
  const { errors, clear } = form;

  return (
    <HistoryForm
      label={promotion ? "Edit promotion" : "Record promotion"}
      saveLabel={promotion ? "Save changes" : "Save promotion"}
      form={form}
      onCancel={onCancel}
    >
      <Field idPrefix={idPrefix} name="promotedOn" label="Promotion date" error={errors.promotedOn}>
        {(control) => (
          <DateInput
            control={control}
            label="Promotion date"
            autoFocus
            max={todayIso()}
            value={promotedOn}
            onChange={(value) => {
              setPromotedOn(value);
              clear("promotedOn");
            }}
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
            <BeltOptions rules={rules} />
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
    </HistoryForm>
  );
}

/**
 * The belt after the current one on the ladder (the first belt for someone without one);
 * none at the top of the ladder (nothing to preselect).
 */
function nextBeltId(athlete: Athlete, rules: RuleIndex | null): string {
  const belts = rules?.rules.belts ?? [];
  const next = belts[belts.findIndex((belt) => belt.id === athlete.beltId) + 1];
  return next ? String(next.id) : "";
}
