import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
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
import type { OpenableMedia } from "./MediaOpener";
import { ProofButton, ProofField, proofDocumentId } from "./Proof";

/** Each place's name ("Gold"), its word inside a sentence ("gold") and its colours. */
const PLACES = {
  gold: {
    label: "medals.place.gold",
    word: "medals.placeWord.gold",
    className: "bg-amber-100 text-amber-900 ring-amber-400",
  },
  silver: {
    label: "medals.place.silver",
    word: "medals.placeWord.silver",
    className: "bg-slate-100 text-slate-800 ring-slate-400",
  },
  bronze: {
    label: "medals.place.bronze",
    word: "medals.placeWord.bronze",
    className: "bg-orange-100 text-orange-900 ring-orange-400",
  },
} as const satisfies Record<MedalPlace, { label: string; word: string; className: string }>;
const DOT: Record<MedalPlace, string> = {
  gold: "bg-amber-400",
  silver: "bg-slate-400",
  bronze: "bg-orange-600",
};

interface MedalHistoryProps {
  athlete: Athlete;
  onChange: (athlete: Athlete) => void;
  /** Opens a medal's proof (a results sheet, a certificate). */
  onOpenProof: (media: OpenableMedia) => void;
}

/** The podium places, newest first, and the form that adds one. */
export function MedalHistory({ athlete, onChange, onOpenProof }: MedalHistoryProps) {
  const { t } = useTranslation("athletes");
  const editing = useHistoryEditing<Medal>({
    deleteEntry: (medal) => api().athletes.deleteMedal(medal.id, athlete.revision),
    deleteFailTitle: t("medals.deleteFailed"),
    onDeleted: (updated) => {
      onChange(updated);
      notifySuccess(t("medals.deleted"));
    },
  });

  return (
    <HistorySection
      title={t("medals.title")}
      buttonLabel={t("medals.add")}
      editing={editing}
      form={
        <MedalForm
          // A fresh form for each entry corrected: its fields start from that entry.
          key={editing.toEdit?.id ?? "new"}
          athlete={athlete}
          medal={editing.toEdit}
          onSaved={(updated, medal) => {
            onChange(updated);
            const what = { place: t(PLACES[medal.place].word), competition: medal.competition };
            notifySuccess(t(editing.toEdit ? "medals.saved" : "medals.added", what));
            editing.closeForm();
          }}
          onCancel={editing.closeForm}
        />
      }
      deletePrompt={{
        title: t("medals.deleteTitle"),
        confirmLabel: t("medals.deleteConfirm"),
        describe: (medal) => (
          <p>
            {t("medals.deleteText", {
              place: t(PLACES[medal.place].label),
              competition: medal.competition,
              date: formatDate(medal.heldOn),
            })}
          </p>
        ),
      }}
    >
      {athlete.medals.length === 0 ? (
        <p className="text-sm text-slate-500">{t("medals.none")}</p>
      ) : (
        <ol aria-label={t("medals.listLabel")} className="divide-y divide-slate-100">
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
              <ProofButton athlete={athlete} proofDocumentId={medal.proofDocumentId} onOpen={onOpenProof} />
              {medal.tournamentId !== null ? (
                // The tournament's results own it: it changes (or goes) with the result there.
                <p className="max-w-56 shrink-0 text-right text-xs text-slate-500">
                  {t("medals.fromTournament", { tournament: medal.competition })}
                </p>
              ) : (
                <MedalButtons medal={medal} onEdit={editing.openEdit} onDelete={editing.askDelete} />
              )}
            </li>
          ))}
        </ol>
      )}
    </HistorySection>
  );
}

interface MedalButtonsProps {
  medal: Medal;
  onEdit: (medal: Medal) => void;
  onDelete: (medal: Medal) => void;
}

/** Edit and Delete, for a medal the coach recorded by hand. */
function MedalButtons({ medal, onEdit, onDelete }: MedalButtonsProps) {
  const { t } = useTranslation("athletes");
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        aria-label={t("medals.editLabel", { place: t(PLACES[medal.place].word), competition: medal.competition })}
        onClick={() => onEdit(medal)}
      >
        {t("actions.edit")}
      </Button>
      <Button
        variant="ghostDanger"
        size="sm"
        aria-label={t("medals.deleteLabel", { place: t(PLACES[medal.place].word), competition: medal.competition })}
        onClick={() => onDelete(medal)}
      >
        {t("actions.delete")}
      </Button>
    </>
  );
}

/** The place in words and in its metal's colour: the colour is never the only clue. */
function MedalBadge({ place }: { place: MedalPlace }) {
  const { t } = useTranslation("athletes");
  const { label, className } = PLACES[place];
  return (
    <span
      className={cn(
        "inline-flex w-20 shrink-0 items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset",
        className,
      )}
    >
      <span aria-hidden="true" className={cn("size-2.5 rounded-full", DOT[place])} />
      {t(label)}
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
  const { t } = useTranslation("athletes");
  const idPrefix = useId();
  const [competition, setCompetition] = useState(medal?.competition ?? "");
  const [heldOn, setHeldOn] = useState(() => medal?.heldOn ?? todayIso());
  const [place, setPlace] = useState<MedalPlace | "">(medal?.place ?? "");
  const [category, setCategory] = useState(medal?.category ?? "");
  const [proof, setProof] = useState(medal?.proofDocumentId?.toString() ?? "");
  const form = useFormSubmit({
    check: () => {
      const problems: FieldErrors = {};
      if (!competition.trim()) problems.competition = t("medals.problems.competitionRequired");
      if (!heldOn) problems.heldOn = t("medals.problems.dateRequired");
      else if (!isIsoDate(heldOn)) problems.heldOn = dateInputProblem(t("medals.fields.date"));
      else if (heldOn > todayIso()) problems.heldOn = t("medals.problems.dateFuture");
      else if (heldOn < athlete.birthDate) problems.heldOn = t("medals.problems.dateBeforeBirth");
      if (!place) problems.place = t("medals.problems.placeRequired");
      return problems;
    },
    save: async () => {
      // `check` refused an empty place; this only tells TypeScript so.
      if (!place) return;
      const input = {
        competition: competition.trim(),
        heldOn,
        place,
        category: category.trim() || null,
        proofDocumentId: proofDocumentId(proof),
      };
      const updated = medal
        ? await api().athletes.updateMedal(medal.id, athlete.revision, input)
        : await api().athletes.addMedal(athlete.id, athlete.revision, input);
      onSaved(updated, input);
    },
    failTitle: medal ? t("medals.saveFailed") : t("medals.addFailed"),
  });
  const { errors, clear } = form;
  const changeProof = (value: string) => {
    setProof(value);
    clear("proofDocumentId");
  };
  const changeHeldOn = (value: string) => {
    setHeldOn(value);
    clear("heldOn");
  };

  return (
    <HistoryForm
      label={medal ? t("medals.edit") : t("medals.add")}
      saveLabel={medal ? t("actions.saveChanges") : t("medals.save")}
      form={form}
      onCancel={onCancel}
    >
      <Field idPrefix={idPrefix} name="competition" label={t("medals.fields.competition")} error={errors.competition} className="col-span-2">
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
      <Field idPrefix={idPrefix} name="heldOn" label={t("medals.fields.date")} error={errors.heldOn}>
        {(control) => (
          <DateInput
            control={control}
            label={t("medals.fields.date")}
            max={todayIso()}
            value={heldOn}
            onChange={changeHeldOn}
          />
        )}
      </Field>
      <Field idPrefix={idPrefix} name="place" label={t("medals.fields.place")} error={errors.place}>
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
              {t("actions.choose")}
            </option>
            <option value="gold">{t(PLACES.gold.label)}</option>
            <option value="silver">{t(PLACES.silver.label)}</option>
            <option value="bronze">{t(PLACES.bronze.label)}</option>
          </select>
        )}
      </Field>
      <Field
        idPrefix={idPrefix}
        name="category"
        label={t("medals.fields.category")}
        error={errors.category}
        hint={t("medals.fields.categoryHint")}
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

function parsePlace(value: string): MedalPlace | "" {
  return value === "gold" || value === "silver" || value === "bronze" ? value : "";
}
