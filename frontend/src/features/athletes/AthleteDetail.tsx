import { ChevronLeftIcon } from "lucide-react";
import type { TFunction } from "i18next";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { BeltBadge } from "../../components/BeltBadge";
import { categoryLabel } from "../../components/roster/roster-text";
import { Button } from "../../components/ui/Button";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { Spinner } from "../../components/ui/Spinner";
import { api } from "../../lib/bridge";
import { useClubIndex } from "../../lib/clubs";
import { formatDate } from "../../lib/format";
import { errorMessage, notifyError, notifySuccess } from "../../lib/notify";
import { publish, useDataEvent } from "../../lib/data-events";
import { categoryForAge, useRuleIndex } from "../../lib/use-rules";
import type { Athlete, AthleteInput, DeletedAthlete } from "../../types/bridge";
import { AthleteFormDialog } from "./AthleteFormDialog";
import { AthletePapers } from "./AthletePapers";
import { AthletePhoto } from "./AthletePhoto";
import { useAthleteText } from "./athlete-text";
import { DocumentsSection } from "./DocumentsSection";
import { useMediaOpener } from "./MediaOpener";
import { MedalHistory } from "./MedalHistory";
import { PromotionHistory } from "./PromotionHistory";
import { TournamentHistory } from "./TournamentHistory";
import { closeAthlete, rosterSeason } from "./roster-store";

type Loaded =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "loaded"; athlete: Athlete };

/** `MouseEvent.button` of the "back" side button most mice have. */
const MOUSE_BACK_BUTTON = 3;

/** One athlete's page: who they are (their photo, their papers), their promotions, medals, tournaments and documents. */
export function AthleteDetail({ id }: { id: number }) {
  const { t } = useTranslation("athletes");
  const [state, setState] = useState<Loaded>({ status: "loading" });
  // Again after a restore, or a write refused because the athlete changed meanwhile: what
  // is shown (and any open form, keyed by the revision) then matches what is saved.
  const dataVersion = useDataEvent("data-replaced", "athletes-changed");

  const load = useCallback(async () => {
    try {
      setState({ status: "loaded", athlete: await api().athletes.get(id) });
    } catch (err) {
      setState({ status: "error", message: errorMessage(err) });
    }
  }, [id]);

  // Back, as in a browser: Alt+Left, or the mouse's back button. Not while a dialog is open,
  // which has its own way out.
  useEffect(() => {
    const dialogOpen = () => document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
    const onKeyDown = (event: KeyboardEvent) => {
      const back = (event.altKey && event.key === "ArrowLeft") || event.key === "BrowserBack";
      if (!back || event.defaultPrevented || dialogOpen()) return;
      event.preventDefault();
      closeAthlete("row");
    };
    const onMouseUp = (event: MouseEvent) => {
      if (event.button !== MOUSE_BACK_BUTTON || dialogOpen()) return;
      event.preventDefault();
      closeAthlete("row");
    };
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("mouseup", onMouseUp);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("mouseup", onMouseUp);
    };
  }, []);

  useEffect(() => {
    void load();
  }, [load, dataVersion]);

  const back = (
    <Button variant="ghost" className="-ml-3" icon={<ChevronLeftIcon size={16} strokeWidth={2} />} onClick={() => closeAthlete("row")}>
      {t("detail.back")}
    </Button>
  );

  return (
    <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-5 py-6 lg:px-10">
      <div className="max-w-4xl space-y-6">
        {back}
        {state.status === "loading" ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-500">
            <Spinner /> {t("detail.loading")}
          </p>
        ) : state.status === "error" ? (
          <div role="alert" className="rounded-2xl border border-red-200 bg-white px-6 py-5 text-sm text-red-700">
            {t("detail.openFailed", { error: state.message })}
          </div>
        ) : (
          <LoadedAthlete
            athlete={state.athlete}
            onChange={(athlete) => {
              setState({ status: "loaded", athlete });
              publish("athletes-changed");
            }}
          />
        )}
      </div>
    </div>
  );
}

interface LoadedAthleteProps {
  athlete: Athlete;
  /** Every change (edit, promotion, medal) hands back the athlete as Python now has them. */
  onChange: (athlete: Athlete) => void;
}

function LoadedAthlete({ athlete, onChange }: LoadedAthleteProps) {
  const { t } = useTranslation("athletes");
  const text = useAthleteText();
  const rules = useRuleIndex();
  const clubs = useClubIndex();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const media = useMediaOpener();

  // Arriving from the list: start reading (and tabbing) at the athlete's name.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const season = rosterSeason();
  const age = season - Number(athlete.birthDate.slice(0, 4));
  const category = rules ? categoryForAge(age, rules.rules.categories) : null;
  const belt = athlete.beltId === null ? null : rules?.beltById.get(athlete.beltId);

  const remove = async () => {
    let deleted: DeletedAthlete;
    try {
      deleted = await api().athletes.delete(athlete.id, athlete.revision);
    } catch (err) {
      notifyError(err, t("detail.deleteFailed", { name: athlete.fullName }));
      return;
    }
    notifySuccess(t("detail.deleted", { name: deleted.fullName }), undefined, {
      label: t("detail.undo"),
      onClick: () => void undoDelete(deleted, t),
    });
    publish("athletes-changed");
    closeAthlete("list");
  };

  const markInactive = async () => {
    try {
      onChange(await api().athletes.update(athlete.id, athlete.revision, { ...athleteInput(athlete), active: false }));
    } catch (err) {
      notifyError(err, t("detail.inactiveFailed", { name: athlete.fullName }));
      return;
    }
    setDeleting(false);
    notifySuccess(t("detail.inactiveDone", { name: athlete.fullName }), t("detail.inactiveDoneText"));
  };

  return (
    <>
      <section
        aria-labelledby="athlete-name"
        className="rounded-2xl border border-slate-200 bg-white px-6 py-5 shadow-sm"
      >
        <div className="flex flex-wrap items-start gap-x-5 gap-y-4">
          <AthletePhoto athlete={athlete} onChange={onChange} onView={media.view} />
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-3">
              <h2
                id="athlete-name"
                ref={headingRef}
                tabIndex={-1}
                className="text-2xl font-semibold tracking-tight text-slate-900 outline-none"
              >
                {athlete.fullName}
              </h2>
              <BeltBadge belt={belt} size="md" />
              {athlete.active ? null : (
                <span className="rounded-md bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">
                  {text.status(false)}
                </span>
              )}
            </div>
            <p className="mt-2 text-sm text-slate-600">
              {t("detail.ageInSeason", { age, season: String(season) })}
              {" · "}
              {category ? categoryLabel(category) : t("detail.noCategory")}
              {" · "}
              {text.sex(athlete.sex)}
              {" · "}
              {text.weight(athlete.weightKg)}
              {" · "}
              {text.status(athlete.active)}
            </p>
            <AthletePapers athlete={athlete} />
          </div>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t("actions.edit")}
            </Button>
            <Button variant="secondary" onClick={() => setDeleting(true)}>
              {t("actions.delete")}
            </Button>
          </div>
        </div>

        <dl className="mt-5 grid grid-cols-[max-content_1fr] gap-x-10 gap-y-2.5 border-t border-slate-100 pt-5 text-sm sm:grid-cols-[max-content_1fr_max-content_1fr]">
          <Detail label={t("fields.memberId")}>{athlete.memberId}</Detail>
          <Detail label={t("detail.born")}>{formatDate(athlete.birthDate)}</Detail>
          {clubs && clubs.clubs.length > 0 && (
            <Detail label={t("fields.club")}>
              {athlete.clubId === null ? null : clubs.clubById.get(athlete.clubId)?.name}
            </Detail>
          )}
          <Detail label={t("fields.joinedOn")}>{athlete.joinedOn && formatDate(athlete.joinedOn)}</Detail>
          <Detail label={t("fields.licenceNumber")}>{athlete.licenceNumber}</Detail>
          <Detail label={t("fields.school")}>{athlete.school}</Detail>
          <Detail label={t("fields.phone")}>{athlete.phone}</Detail>
          <Detail label={t("fields.email")}>{athlete.email}</Detail>
          <Detail label={t("fields.guardian")}>{athlete.guardianName}</Detail>
          <Detail label={t("fields.guardianPhone")}>{athlete.guardianPhone}</Detail>
          <Detail label={t("fields.address")}>
            {athlete.address && <span className="whitespace-pre-line">{athlete.address}</span>}
          </Detail>
        </dl>
        {athlete.notes ? (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <h3 className="text-sm font-medium text-slate-500">{t("fields.notes")}</h3>
            <p className="mt-1 text-sm whitespace-pre-line text-slate-800">{athlete.notes}</p>
          </div>
        ) : null}
      </section>

      <PromotionHistory athlete={athlete} rules={rules} onChange={onChange} onOpenProof={media.open} />
      <MedalHistory athlete={athlete} onChange={onChange} onOpenProof={media.open} />
      <TournamentHistory athleteId={athlete.id} />
      <DocumentsSection athlete={athlete} onChange={onChange} onOpen={media.open} />
      {media.viewer}

      {editing ? (
        <AthleteFormDialog
          key={athlete.revision}
          athlete={athlete}
          onSaved={(saved) => {
            setEditing(false);
            onChange(saved);
          }}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t("detail.deleteTitle", { name: athlete.fullName })}
          confirmLabel={t("detail.deleteConfirm")}
          onConfirm={remove}
          onCancel={() => setDeleting(false)}
          alternative={athlete.active ? { label: t("detail.markInactive"), onChoose: markInactive } : undefined}
        >
          {t(athlete.active ? "detail.deleteActive" : "detail.deleteInactive", {
            promotions: athlete.promotions.length,
            medals: athlete.medals.length,
          })}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/**
 * Puts back an athlete just deleted, with their promotions and medals (the toast's Undo).
 * `t` is the page's, still good once the page is gone: it reads the language at each call.
 */
async function undoDelete(deleted: DeletedAthlete, t: TFunction<"athletes">): Promise<void> {
  try {
    const back = await api().athletes.undoDelete(deleted.undoToken);
    notifySuccess(t("detail.undone", { name: back.fullName }));
    publish("athletes-changed");
  } catch (err) {
    notifyError(err, t("detail.undoFailed", { name: deleted.fullName }));
  }
}

/** The athlete's fields as the form would send them, e.g. to change one of them. */
function athleteInput(athlete: Athlete): AthleteInput {
  return {
    fullName: athlete.fullName,
    birthDate: athlete.birthDate,
    sex: athlete.sex,
    // An athlete from an old database may have none: Python then asks for them.
    beltId: athlete.beltId ?? 0,
    weightKg: athlete.weightKg ?? 0,
    memberId: athlete.memberId,
    clubId: athlete.clubId,
    joinedOn: athlete.joinedOn,
    licenceNumber: athlete.licenceNumber,
    licenceValidUntil: athlete.licenceValidUntil,
    medicalValidUntil: athlete.medicalValidUntil,
    phone: athlete.phone,
    email: athlete.email,
    address: athlete.address,
    school: athlete.school,
    guardianName: athlete.guardianName,
    guardianPhone: athlete.guardianPhone,
    notes: athlete.notes,
    active: athlete.active,
  };
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">
        {children || <span className="text-slate-500">—</span>}
      </dd>
    </div>
  );
}
