import { AlertTriangleIcon, CalendarClockIcon, MapPinIcon, PlusIcon, TrophyIcon, UsersIcon } from "lucide-react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { cn } from "../../components/ui/cn";
import { Spinner } from "../../components/ui/Spinner";
import { formatDate, formatDateRange } from "../../lib/format";
import type { Tournament, TournamentSummary } from "../../types/bridge";
import { deadlinePassed } from "./tournament-text";
import { TournamentFormDialog } from "./TournamentFormDialog";
import {
  listMemory,
  openTournament,
  publishTournamentChange,
  reloadTournamentList,
  useTournamentList,
} from "./tournaments-store";

/** Every tournament: the upcoming ones first (soonest first), then the past (latest first). */
export function TournamentList() {
  const { t } = useTranslation("tournaments");
  const state = useTournamentList();
  const [creating, setCreating] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);

  const groups = useMemo(() => {
    if (state.status !== "loaded") return null;
    const upcoming = state.value.filter((tournament) => tournament.upcoming);
    const past = state.value.filter((tournament) => !tournament.upcoming);
    upcoming.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.name.localeCompare(b.name));
    past.sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.name.localeCompare(b.name));
    return { upcoming, past };
  }, [state]);

  // Back from a tournament's page: its line takes the focus, so the keyboard carries on there.
  useEffect(() => {
    const id = listMemory.focusId;
    if (id === null || groups === null) return;
    listMemory.focusId = null;
    listRef.current?.querySelector<HTMLElement>(`[data-tournament-id="${id}"]`)?.focus();
  }, [groups]);

  const onCreated = (tournament: Tournament) => {
    setCreating(false);
    publishTournamentChange({ medals: false });
    openTournament(tournament.id);
  };

  const createButton = (
    <Button icon={<PlusIcon size={16} strokeWidth={2.2} />} onClick={() => setCreating(true)}>
      {t("list.create")}
    </Button>
  );

  return (
    <div ref={listRef} className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-5 py-6 lg:px-10">
      <div className="max-w-4xl space-y-8">
        {state.status === "loading" ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-500">
            <Spinner /> {t("list.loading")}
          </p>
        ) : state.status === "error" ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 rounded-2xl border border-red-200 bg-white px-6 py-5 text-sm text-red-700">
            {t("list.loadFailed", { error: state.message })}
            <Button variant="secondary" size="sm" onClick={() => void reloadTournamentList()}>
              {t("list.tryAgain")}
            </Button>
          </div>
        ) : groups && groups.upcoming.length + groups.past.length === 0 ? (
          <NoTournamentsYet action={createButton} />
        ) : groups ? (
          <>
            <div className="flex justify-end">{createButton}</div>
            <TournamentGroup title={t("list.upcoming")} tournaments={groups.upcoming} empty={t("list.noUpcoming")} />
            {groups.past.length > 0 ? <TournamentGroup title={t("list.past")} tournaments={groups.past} /> : null}
          </>
        ) : null}
      </div>
      {creating ? <TournamentFormDialog onSaved={onCreated} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

function NoTournamentsYet({ action }: { action: ReactNode }) {
  const { t } = useTranslation("tournaments");
  return (
    <div className="rounded-2xl border border-slate-200 bg-white px-6 py-12 text-center shadow-sm">
      <span aria-hidden="true" className="mx-auto flex size-14 items-center justify-center rounded-2xl bg-blue-50 text-blue-700">
        <TrophyIcon className="size-7" />
      </span>
      <h2 className="mt-4 text-lg font-semibold text-slate-900">{t("list.empty.title")}</h2>
      <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">{t("list.empty.text")}</p>
      <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">{t("list.empty.results")}</p>
      <div className="mt-5">{action}</div>
    </div>
  );
}

interface TournamentGroupProps {
  title: string;
  tournaments: TournamentSummary[];
  /** Said when the group has none. */
  empty?: string;
}

function TournamentGroup({ title, tournaments, empty }: TournamentGroupProps) {
  const { t } = useTranslation("tournaments");
  return (
    <section aria-label={title}>
      <h2 className="text-base font-semibold text-slate-900">
        {title} <span className="font-normal text-slate-500">{t("list.groupCount", { count: tournaments.length })}</span>
      </h2>
      {tournaments.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {tournaments.map((tournament) => (
            <TournamentLine key={tournament.id} tournament={tournament} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One tournament: its name opens it (the whole card is its target), its facts below. */
function TournamentLine({ tournament }: { tournament: TournamentSummary }) {
  const { t } = useTranslation("tournaments");
  const passed = deadlinePassed(tournament.entryDeadline);
  return (
    <li className="relative rounded-2xl border border-slate-200 bg-white px-5 py-4 shadow-sm hover:border-blue-300 hover:bg-blue-50/40 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-600">
      <h3 className="text-base font-semibold text-slate-900">
        <button
          type="button"
          data-tournament-id={tournament.id}
          onClick={() => openTournament(tournament.id)}
          // Stretched over the card, so a click anywhere on it opens the tournament.
          className="text-left after:absolute after:inset-0 after:rounded-2xl after:content-[''] focus:outline-none"
        >
          {tournament.name}
        </button>
      </h3>
      <p className="mt-1 text-sm text-slate-700">{formatDateRange(tournament.startsOn, tournament.endsOn)}</p>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-600">
        {tournament.location ? (
          <li className="flex items-center gap-1.5">
            <MapPinIcon aria-hidden="true" size={16} />
            {tournament.location}
          </li>
        ) : null}
        <li className="flex items-center gap-1.5">
          <UsersIcon aria-hidden="true" size={16} />
          {t("list.entries", { count: tournament.entryCount })}
        </li>
        {tournament.conflictCount > 0 ? (
          <li className="flex items-center gap-1.5 font-medium text-amber-800">
            <AlertTriangleIcon aria-hidden="true" size={16} />
            {t("list.conflicts", { count: tournament.conflictCount })}
          </li>
        ) : null}
        {tournament.upcoming && tournament.entryDeadline ? (
          <li className={cn("flex items-center gap-1.5", passed && "font-medium text-red-700")}>
            <CalendarClockIcon aria-hidden="true" size={16} />
            {passed
              ? t("list.deadlinePassed", { date: formatDate(tournament.entryDeadline) })
              : t("list.deadline", { date: formatDate(tournament.entryDeadline) })}
          </li>
        ) : null}
      </ul>
    </li>
  );
}
