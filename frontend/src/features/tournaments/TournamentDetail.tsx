import {
  CalendarClockIcon,
  CalendarIcon,
  ChevronLeftIcon,
  Building2Icon,
  MapPinIcon,
  PencilIcon,
  RefreshCwIcon,
  StickyNoteIcon,
  Trash2Icon,
} from "lucide-react";
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { cn } from "../../components/ui/cn";
import { Spinner } from "../../components/ui/Spinner";
import { api, errorCode } from "../../lib/bridge";
import { subscribe } from "../../lib/data-events";
import { formatDate, formatDateRange, todayIso } from "../../lib/format";
import { errorMessage, notifyError, notifySuccess } from "../../lib/notify";
import type { Tournament } from "../../types/bridge";
import { CategoryLimits } from "./CategoryLimits";
import { EntrySheet } from "./EntrySheet";
import { Entries } from "./Entries";
import { deadlinePassed } from "./tournament-text";
import { TournamentFormDialog } from "./TournamentFormDialog";
import { closeTournament, isOwnChange, publishTournamentChange, type TournamentChange } from "./tournaments-store";

type Loaded = { status: "loading" } | { status: "error"; message: string } | { status: "loaded"; tournament: Tournament };

/** One tournament: its facts, its copy of the rules, its category limits, its entries and the entry sheet. */
export function TournamentDetail({ id }: { id: number }) {
  const { t } = useTranslation("tournaments");
  const [state, setState] = useState<Loaded>({ status: "loading" });
  // Changes run one after another, so their answers arrive (and show) in the order made.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const scrollerRef = useRef<HTMLDivElement>(null);
  // The tournament as the last answer left it, for the next change to start from.
  const latest = useRef<Tournament | null>(null);

  // In the same queue as the changes: a reload that overtook a change would put back the
  // tournament as it was before it, and the next change would start from that.
  const load = useCallback(() => {
    const run = queue.current.then(async () => {
      try {
        const tournament = await api().tournaments.get(id);
        latest.current = tournament;
        setState({ status: "loaded", tournament });
      } catch (err) {
        // Gone (a restore put back data without it, or it was deleted elsewhere): back to the list.
        if (errorCode(err) === "not-found") closeTournament();
        else setState({ status: "error", message: errorMessage(err) });
      }
    });
    queue.current = run;
    return run;
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  // Again after a restore, a change to athletes (an entry's conflicts follow its athlete),
  // to the rules (the belts), to clubs, or to the language (Python writes the conflicts).
  // Not after this page's own changes: it shows what they answered.
  useEffect(
    () =>
      subscribe(
        ["data-replaced", "athletes-changed", "rules-changed", "clubs-changed", "language-changed", "tournaments-changed"],
        () => {
          if (!isOwnChange()) void load();
        },
      ),
    [load],
  );

  const change = useCallback<TournamentChange>((call, options = {}) => {
    const run = queue.current.then(async () => {
      // Only a loaded page offers changes, so there is a tournament to start from.
      const tournament = await call(latest.current as Tournament);
      latest.current = tournament;
      setState({ status: "loaded", tournament });
      publishTournamentChange({ medals: options.medals ?? false });
      return tournament;
    });
    queue.current = run.catch(() => undefined);
    return run;
  }, []);

  return (
    <div ref={scrollerRef} className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-5 py-6 lg:px-10">
      <div className="max-w-6xl space-y-6">
        <Button variant="ghost" className="-ml-3" icon={<ChevronLeftIcon size={16} strokeWidth={2} />} onClick={() => closeTournament(id)}>
          {t("detail.back")}
        </Button>
        {state.status === "loading" ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-500">
            <Spinner /> {t("detail.loading")}
          </p>
        ) : state.status === "error" ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 rounded-2xl border border-red-200 bg-white px-6 py-5 text-sm text-red-700">
            {t("detail.openFailed", { error: state.message })}
            <Button variant="secondary" size="sm" onClick={() => void load()}>
              {t("detail.tryAgain")}
            </Button>
          </div>
        ) : (
          <LoadedTournament tournament={state.tournament} change={change} scrollerRef={scrollerRef} />
        )}
      </div>
    </div>
  );
}

interface LoadedTournamentProps {
  tournament: Tournament;
  change: TournamentChange;
  scrollerRef: RefObject<HTMLDivElement | null>;
}

function LoadedTournament({ tournament, change, scrollerRef }: LoadedTournamentProps) {
  return (
    <>
      <TournamentHeader tournament={tournament} change={change} />
      <EntrySheet tournament={tournament} />
      <CategoryLimits tournament={tournament} change={change} />
      <Entries tournament={tournament} change={change} scrollerRef={scrollerRef} />
    </>
  );
}

function TournamentHeader({ tournament, change }: { tournament: Tournament; change: TournamentChange }) {
  const { t } = useTranslation("tournaments");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const passed = deadlinePassed(tournament.entryDeadline);

  // Arriving from the list: start reading (and tabbing) at the tournament's name.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const refresh = async () => {
    try {
      await change((current) => api().tournaments.refreshRules(current.id));
      notifySuccess(t("rules.refreshed", { ruleset: tournament.rulesetName }));
      setRefreshing(false);
    } catch (err) {
      notifyError(err, t("rules.refreshFailed"));
    }
  };

  return (
    <section aria-labelledby="tournament-name" className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-5">
        <div className="min-w-0 space-y-2">
          <h2
            id="tournament-name"
            ref={headingRef}
            tabIndex={-1}
            className="text-xl font-semibold tracking-tight text-slate-900 outline-none"
          >
            {tournament.name}
          </h2>
          <ul className="flex flex-wrap gap-x-6 gap-y-1.5 text-sm text-slate-700">
            <Fact icon={<CalendarIcon size={16} />} label={t("detail.dates")}>
              {formatDateRange(tournament.startsOn, tournament.endsOn)}
            </Fact>
            {tournament.location ? (
              <Fact icon={<MapPinIcon size={16} />} label={t("fields.location")}>
                {tournament.location}
              </Fact>
            ) : null}
            {tournament.organiser ? (
              <Fact icon={<Building2Icon size={16} />} label={t("fields.organiser")}>
                {tournament.organiser}
              </Fact>
            ) : null}
            <Fact icon={<CalendarClockIcon size={16} />} label={t("fields.entryDeadline")} className={passed ? "font-medium text-red-700" : undefined}>
              {tournament.entryDeadline
                ? passed
                  ? t("detail.deadlinePassed", { date: formatDate(tournament.entryDeadline) })
                  : formatDate(tournament.entryDeadline)
                : t("detail.noDeadline")}
            </Fact>
          </ul>
          {tournament.notes ? (
            <p className="flex max-w-3xl gap-1.5 text-sm whitespace-pre-line text-slate-600">
              <StickyNoteIcon aria-hidden="true" size={16} className="mt-0.5 shrink-0" />
              <span className="sr-only">{t("fields.notes")}: </span>
              {tournament.notes}
            </p>
          ) : null}
        </div>
        <div className="flex shrink-0 gap-2">
          <Button variant="secondary" icon={<PencilIcon size={16} />} onClick={() => setEditing(true)}>
            {t("detail.edit")}
          </Button>
          <Button variant="ghostDanger" icon={<Trash2Icon size={16} />} onClick={() => setDeleting(true)}>
            {t("detail.delete")}
          </Button>
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 bg-slate-50/60 px-6 py-3 text-sm">
        <p className="text-slate-700">
          {t("rules.copied", { ruleset: tournament.rulesetName, date: copiedOn(tournament.rulesCopiedAt) })}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          {tournament.canRefreshRules ? null : (
            <p id="refresh-rules-why" className="text-slate-600">
              {t("rules.refreshClosed")}
            </p>
          )}
          <Button
            variant="secondary"
            size="sm"
            icon={<RefreshCwIcon size={16} />}
            disabled={!tournament.canRefreshRules}
            aria-describedby={tournament.canRefreshRules ? undefined : "refresh-rules-why"}
            onClick={() => setRefreshing(true)}
          >
            {t("rules.refresh")}
          </Button>
        </div>
      </div>

      {editing ? (
        <TournamentFormDialog
          tournament={tournament}
          onSaved={(saved) => {
            setEditing(false);
            // Saved already: shown as it is now, and its medals carry its new name and date.
            void change(() => Promise.resolve(saved), { medals: true });
          }}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {deleting ? <DeleteTournamentDialog tournament={tournament} onClose={() => setDeleting(false)} /> : null}
      {refreshing ? (
        <ConfirmDialog
          title={t("rules.confirmTitle")}
          confirmLabel={t("rules.confirm")}
          onConfirm={refresh}
          onCancel={() => setRefreshing(false)}
        >
          <p>{t("rules.confirmText", { ruleset: tournament.rulesetName })}</p>
          <p className="mt-2">{t("rules.confirmEntries")}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** The day the rules were copied, on this computer's calendar (Python keeps the moment in UTC). */
function copiedOn(moment: string): string {
  const date = new Date(moment);
  return Number.isNaN(date.getTime()) ? moment : formatDate(todayIso(date));
}

interface FactProps {
  icon: ReactNode;
  /** Read before the value; the icon stands for it on screen. */
  label: string;
  className?: string;
  children: ReactNode;
}

function Fact({ icon, label, className, children }: FactProps) {
  return (
    <li className={cn("flex items-center gap-1.5", className)}>
      <span aria-hidden="true" className="text-slate-400">
        {icon}
      </span>
      <span className="sr-only">{label}: </span>
      {children}
    </li>
  );
}

/**
 * "Delete this tournament?" Its results may have given medals: the coach chooses whether
 * they stay in the athletes' histories (as ordinary medals) or go with it.
 */
function DeleteTournamentDialog({ tournament, onClose }: { tournament: Tournament; onClose: () => void }) {
  const { t } = useTranslation("tournaments");
  const medals = tournament.entries.filter((entry) => entry.medalId !== null).length;
  const entries = tournament.entries.length;

  const remove = async (keepMedals: boolean) => {
    try {
      await api().tournaments.delete(tournament.id, keepMedals);
    } catch (err) {
      notifyError(err, t("delete.failed", { name: tournament.name }));
      return;
    }
    notifySuccess(
      medals === 0
        ? t("delete.done", { name: tournament.name })
        : keepMedals
          ? t("delete.doneKept", { name: tournament.name, count: medals })
          : t("delete.doneWithMedals", { name: tournament.name, count: medals }),
    );
    publishTournamentChange({ medals: medals > 0 });
    closeTournament();
  };

  return medals === 0 ? (
    <ConfirmDialog
      title={t("delete.title", { name: tournament.name })}
      confirmLabel={t("delete.confirm")}
      onConfirm={() => remove(true)}
      onCancel={onClose}
    >
      {t("delete.text", { count: entries })}
    </ConfirmDialog>
  ) : (
    <ConfirmDialog
      title={t("delete.title", { name: tournament.name })}
      confirmLabel={t("delete.withMedals", { count: medals })}
      onConfirm={() => remove(false)}
      onCancel={onClose}
      alternative={{ label: t("delete.keepMedals", { count: medals }), onChoose: () => remove(true) }}
    >
      <p>{t("delete.text", { count: entries })}</p>
      <p className="mt-2">{t("delete.medalsQuestion", { count: medals })}</p>
    </ConfirmDialog>
  );
}
