import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
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
import type { OpenableMedia } from "./MediaOpener";
import { ProofButton, ProofField, proofDocumentId } from "./Proof";

interface PromotionHistoryProps {
  athlete: Athlete;
  rules: RuleIndex | null;
  onChange: (athlete: Athlete) => void;
  /** Opens a promotion's proof (its grading certificate). */
  onOpenProof: (media: OpenableMedia) => void;
}

/** The gradings, newest first, and the form that records the next one. */
export function PromotionHistory({ athlete, rules, onChange, onOpenProof }: PromotionHistoryProps) {
  const { t } = useTranslation("athletes");
  const beltName = (id: number) => rules?.beltById.get(id)?.name ?? t("promotions.unknownBelt");
  /** What the athlete holds after the newest promotion is gone. */
  const beltNow = (id: number | null) =>
    id === null
      ? t("promotions.noBeltNow", { name: athlete.fullName })
      : t("promotions.beltAgain", { name: athlete.fullName, belt: beltName(id) });

  const editing = useHistoryEditing<Promotion>({
    deleteEntry: (promotion) => api().athletes.deletePromotion(promotion.id, athlete.revision),
    deleteFailTitle: t("promotions.deleteFailed"),
    onDeleted: (updated) => {
      onChange(updated);
      notifySuccess(t("promotions.deleted"), updated.beltId === athlete.beltId ? undefined : beltNow(updated.beltId));
    },
  });

  const newest = athlete.promotions[0];

  return (
    <HistorySection
      title={t("promotions.title")}
      buttonLabel={t("promotions.record")}
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
              t(editing.toEdit ? "promotions.saved" : "promotions.recorded", {
                belt: promotedTo,
                name: updated.fullName,
              }),
            );
            editing.closeForm();
          }}
          onCancel={editing.closeForm}
        />
      }
      deletePrompt={{
        title: t("promotions.deleteTitle"),
        confirmLabel: t("promotions.deleteConfirm"),
        describe: (promotion) => {
          const what = { belt: beltName(promotion.beltId), date: formatDate(promotion.promotedOn), name: athlete.fullName };
          return (
            <p>
              {promotion.id !== newest?.id
                ? t("promotions.deleteOlder", what)
                : promotion.fromBeltId === null
                  ? t("promotions.deleteLatestNoBelt", what)
                  : t("promotions.deleteLatestBack", { ...what, from: beltName(promotion.fromBeltId) })}
            </p>
          );
        },
      }}
    >
      {athlete.promotions.length === 0 ? (
        <p className="text-sm text-slate-500">{t("promotions.none")}</p>
      ) : (
        <ol aria-label={t("promotions.listLabel")} className="space-y-0">
          {athlete.promotions.map((promotion) => {
            const belt = rules?.beltById.get(promotion.beltId);
            const which = { belt: belt?.name ?? t("promotions.thisBelt"), date: formatDate(promotion.promotedOn) };
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
                        ? t("promotions.noEarlierBelt")
                        : t("promotions.fromBelt", { belt: beltName(promotion.fromBeltId) })}
                    </span>
                  </div>
                  {promotion.examiner ? (
                    <p className="mt-1 text-sm text-slate-700">
                      {t("promotions.examinerLine", { examiner: promotion.examiner })}
                    </p>
                  ) : null}
                  {promotion.notes ? (
                    <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{promotion.notes}</p>
                  ) : null}
                </div>
                <ProofButton athlete={athlete} proofDocumentId={promotion.proofDocumentId} onOpen={onOpenProof} />
                <Button
                  variant="ghost"
                  size="sm"
                  className="self-start"
                  aria-label={t("promotions.editLabel", which)}
                  onClick={() => editing.openEdit(promotion)}
                >
                  {t("actions.edit")}
                </Button>
                <Button
                  variant="ghostDanger"
                  size="sm"
                  className="self-start"
                  aria-label={t("promotions.deleteLabel", which)}
                  onClick={() => editing.askDelete(promotion)}
                >
                  {t("actions.delete")}
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
  const { t } = useTranslation("athletes");
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
  const [proof, setProof] = useState(promotion?.proofDocumentId?.toString() ?? "");
  const form = useFormSubmit({
    check: () => {
      const problems: FieldErrors = {};
      if (!promotedOn) problems.promotedOn = t("promotions.problems.dateRequired");
      else if (!isIsoDate(promotedOn)) problems.promotedOn = dateInputProblem(t("promotions.fields.date"));
      else if (promotedOn > todayIso()) problems.promotedOn = t("promotions.problems.dateFuture");
      else if (promotedOn < athlete.birthDate) problems.promotedOn = t("promotions.problems.dateBeforeBirth");
      if (!beltId) problems.beltId = t("promotions.problems.beltRequired");
      return problems;
    },
    save: async () => {
      const input = {
        promotedOn,
        beltId: Number(beltId),
        examiner: examiner.trim() || null,
        notes: notes.trim() || null,
        proofDocumentId: proofDocumentId(proof),
      };
      // A correction is checked by Python as a delete and a re-add, so the chain holds.
      const updated = promotion
        ? await api().athletes.updatePromotion(promotion.id, athlete.revision, input)
        : await api().athletes.addPromotion(athlete.id, athlete.revision, input);
      onSaved(updated, rules?.beltById.get(Number(beltId))?.name ?? t("promotions.newBelt"));
    },
    failTitle: promotion ? t("promotions.saveFailed") : t("promotions.recordFailed"),
  });
  const { errors, clear } = form;
  const changeProof = (value: string) => {
    setProof(value);
    clear("proofDocumentId");
  };
  const changePromotedOn = (value: string) => {
    setPromotedOn(value);
    clear("promotedOn");
  };

  return (
    <HistoryForm
      label={promotion ? t("promotions.edit") : t("promotions.record")}
      saveLabel={promotion ? t("actions.saveChanges") : t("promotions.save")}
      form={form}
      onCancel={onCancel}
    >
      <Field idPrefix={idPrefix} name="promotedOn" label={t("promotions.fields.date")} error={errors.promotedOn}>
        {(control) => (
          <DateInput
            control={control}
            label={t("promotions.fields.date")}
            autoFocus
            max={todayIso()}
            value={promotedOn}
            onChange={changePromotedOn}
          />
        )}
      </Field>
      <Field idPrefix={idPrefix} name="beltId" label={t("promotions.fields.belt")} error={errors.beltId}>
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
              {t("actions.chooseBelt")}
            </option>
            <BeltOptions rules={rules} />
          </select>
        )}
      </Field>
      <Field idPrefix={idPrefix} name="examiner" label={t("promotions.fields.examiner")} error={errors.examiner}>
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
      <Field idPrefix={idPrefix} name="notes" label={t("fields.notes")} error={errors.notes}>
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
      <ProofField
        idPrefix={idPrefix}
        athlete={athlete}
        value={proof}
        onChange={changeProof}
        error={errors.proofDocumentId}
      />
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
