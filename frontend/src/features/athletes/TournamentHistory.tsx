import type { TFunction } from "i18next";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { cn } from "../../components/ui/cn";
import { Spinner } from "../../components/ui/Spinner";
import { api } from "../../lib/bridge";
import { useDataEvent } from "../../lib/data-events";
import { formatDate } from "../../lib/format";
import { errorMessage } from "../../lib/notify";
import type { JudoManagerApi } from "../../types/bridge";

/** One tournament the athlete entered, as `tournaments.forAthlete` lists it. */
type AthleteTournament = Awaited<ReturnType<JudoManagerApi["tournaments"]["forAthlete"]>>[number];

/** Each result in words: literal keys, so the catalog test sees them used. */
const RESULT_KEY = {
  "1": "tournaments.result.first",
  "2": "tournaments.result.second",
  "3": "tournaments.result.third",
  "5": "tournaments.result.fifth",
  "7": "tournaments.result.seventh",
  participated: "tournaments.result.participated",
  dns: "tournaments.result.dns",
} as const;
type Result = keyof typeof RESULT_KEY;

/** The podium results, in their medal's colours (a word says it too: colour is never the only clue). */
const PODIUM: Partial<Record<Result, string>> = {
  "1": "bg-amber-100 text-amber-900 ring-amber-400",
  "2": "bg-slate-100 text-slate-800 ring-slate-400",
  "3": "bg-orange-100 text-orange-900 ring-orange-400",
};

type Loaded =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "loaded"; tournaments: AthleteTournament[] };

/**
 * The tournaments the athlete entered, newest first, each with the category and weight
 * class they entered and their result. Loaded again when a tournament, its entries or its
 * results change, when the athlete changes, after a restore, and in a new language (Python
 * writes the weight class's label).
 */
export function TournamentHistory({ athleteId }: { athleteId: number }) {
  const { t } = useTranslation("athletes");
  const headingId = useId();
  const version = useDataEvent("tournaments-changed", "athletes-changed", "data-replaced", "language-changed");
  const [state, setState] = useState<Loaded>({ status: "loading" });
  const [retries, setRetries] = useState(0);
  // Only the newest request's answer shows: an older one may come back later.
  const latest = useRef(0);

  const load = useCallback(async (request: number) => {
    try {
      const tournaments = await api().tournaments.forAthlete(athleteId);
      if (latest.current === request) setState({ status: "loaded", tournaments: newestFirst(tournaments) });
    } catch (err) {
      if (latest.current === request) setState({ status: "error", message: errorMessage(err) });
    }
  }, [athleteId]);

  useEffect(() => {
    latest.current += 1;
    void load(latest.current);
  }, [load, version, retries]);

  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      <div className="flex min-h-16 items-center border-b border-slate-100 px-6 py-3">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {t("tournaments.title")}
        </h3>
      </div>
      <div className="px-6 py-5">
        {state.status === "loading" ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-500">
            <Spinner /> {t("tournaments.loading")}
          </p>
        ) : state.status === "error" ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <p role="alert" className="text-red-700">
              {t("tournaments.loadFailed", { error: state.message })}
            </p>
            <Button variant="secondary" size="sm" onClick={() => setRetries((n) => n + 1)}>
              {t("roster.tryAgain")}
            </Button>
          </div>
        ) : state.tournaments.length === 0 ? (
          <p className="text-sm text-slate-500">{t("tournaments.none")}</p>
        ) : (
          <ol aria-label={t("tournaments.listLabel")} className="divide-y divide-slate-100">
            {state.tournaments.map((tournament) => (
              <li key={tournament.tournamentId} className="flex items-center gap-4 py-3 first:pt-0 last:pb-0">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-semibold text-slate-900">{tournament.name}</p>
                  <p className="text-sm text-slate-600">
                    <Dates startsOn={tournament.startsOn} endsOn={tournament.endsOn} t={t} />
                    {" · "}
                    {entered(tournament, t)}
                  </p>
                </div>
                <ResultBadge result={tournament.result} t={t} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

/** Newest first; two on one day by name, so the order never shuffles between loads. */
function newestFirst(tournaments: AthleteTournament[]): AthleteTournament[] {
  return [...tournaments].sort(
    (a, b) => b.startsOn.localeCompare(a.startsOn) || a.name.localeCompare(b.name) || a.tournamentId - b.tournamentId,
  );
}

/** "12 Mar 2026", or "12 Mar 2026 – 14 Mar 2026" for a tournament of several days. */
function Dates({ startsOn, endsOn, t }: { startsOn: string; endsOn: string | null; t: TFunction<"athletes"> }) {
  if (endsOn === null || endsOn === startsOn) return <time dateTime={startsOn}>{formatDate(startsOn)}</time>;
  return <>{t("tournaments.dates", { start: formatDate(startsOn), end: formatDate(endsOn) })}</>;
}

/** "U18 -57 kg": the category and class entered; what is missing is said so. */
function entered(tournament: AthleteTournament, t: TFunction<"athletes">): string {
  const { categoryCode, weightClassLabel } = tournament;
  if (categoryCode && weightClassLabel) return t("tournaments.entered", { category: categoryCode, weightClass: weightClassLabel });
  if (categoryCode) return t("tournaments.noWeightClass", { category: categoryCode });
  return t("tournaments.noCategory");
}

/** The result in words ("1st place", "Took part"); "No result yet" until one is recorded. */
function ResultBadge({ result, t }: { result: string | null; t: TFunction<"athletes"> }) {
  // A result this page doesn't know (a newer app's, in a restored file) reads as none, not a crash.
  const known = result !== null && Object.hasOwn(RESULT_KEY, result) ? (result as Result) : null;
  return (
    <span
      className={cn(
        "shrink-0 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset",
        known === null
          ? "text-slate-500 ring-slate-200"
          : (PODIUM[known] ?? "bg-white text-slate-700 ring-slate-300"),
      )}
    >
      {known === null ? t("tournaments.result.none") : t(RESULT_KEY[known])}
    </span>
  );
}
