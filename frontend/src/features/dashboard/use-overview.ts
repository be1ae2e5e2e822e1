import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../../lib/bridge";
import { useDataEvent } from "../../lib/data-events";
import { errorMessage } from "../../lib/notify";
import { createStore, useStore } from "../../lib/store";
import type { Overview } from "../../types/bridge";

/** Which medals the dashboard shows: one season's, or "all" time's. */
export type MedalChoice = number | "all";

/**
 * Outlives the page: the season of medals the coach picked, and the last overview, shown at
 * once on return while a fresh one loads. `medals` null: not picked yet, this season's.
 */
const store = createStore<{ medals: MedalChoice | null }>({ medals: null });
const memory = { overview: null as Overview | null };

export function useMedalChoice(): MedalChoice {
  return useStore(store).medals ?? new Date().getFullYear();
}

export function chooseMedals(choice: MedalChoice): void {
  store.set({ medals: choice });
}

export interface OverviewState {
  /** The latest answer (or the last visit's, until it comes). */
  overview: Overview | null;
  /** True until the answer for the data and the choice as they are now has come. */
  busy: boolean;
  error: string | null;
  reload: () => void;
}

/**
 * The overview, asked for again whenever what it counts changed: athletes, their
 * promotions and medals, the rules (categories, belts, their minimums), tournaments, or the
 * whole data replaced. Only the newest request's answer is shown.
 */
export function useOverview(): OverviewState {
  const medals = useMedalChoice();
  const dataVersion = useDataEvent("data-replaced", "athletes-changed", "rules-changed", "tournaments-changed");
  const [reloads, setReloads] = useState(0);
  const key = `${medals}|${dataVersion}|${reloads}`;
  const [answer, setAnswer] = useState<{ key: string | null; overview: Overview | null; error: string | null }>({
    key: null,
    overview: memory.overview,
    error: null,
  });
  const latest = useRef<string | null>(null);

  useEffect(() => {
    latest.current = key;
    api()
      .dashboard.overview(null, medals === "all" ? null : medals)
      .then(
        (overview) => {
          if (latest.current !== key) return;
          memory.overview = overview;
          setAnswer({ key, overview, error: null });
        },
        (err: unknown) => {
          if (latest.current !== key) return;
          setAnswer((last) => ({ key, overview: last.overview, error: errorMessage(err) }));
        },
      );
    return () => {
      if (latest.current === key) latest.current = null;
    };
  }, [key, medals]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { overview: answer.overview, busy: answer.key !== key, error: answer.error, reload };
}
