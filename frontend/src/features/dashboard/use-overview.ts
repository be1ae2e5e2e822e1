import { useCallback, useEffect, useState } from "react";
import { api } from "../../lib/bridge";
import { subscribe, useDataEvent, type DataTopic } from "../../lib/data-events";
import { todayIso } from "../../lib/format";
import { errorMessage } from "../../lib/notify";
import { createStore, useStore } from "../../lib/store";
import type { Overview } from "../../types/bridge";

/** Which medals the dashboard shows: one season's, or "all" time's. */
export type MedalChoice = number | "all";

/**
 * What the overview counts: athletes, their promotions and medals, the rules (categories,
 * belts and their minimums), tournaments, or the whole data replaced.
 */
const TOPICS: DataTopic[] = ["data-replaced", "athletes-changed", "rules-changed", "tournaments-changed"];

/** The season of medals the coach picked (null: not yet, this season's); outlives the page. */
const store = createStore<{ medals: MedalChoice | null }>({ medals: null });

function medalChoice(): MedalChoice {
  return store.get().medals ?? new Date().getFullYear();
}

export function useMedalChoice(): MedalChoice {
  return useStore(store).medals ?? new Date().getFullYear();
}

export function chooseMedals(choice: MedalChoice): void {
  store.set({ medals: choice });
}

/**
 * Goes up with every change to what the overview counts. Counted from the moment this
 * module loads, so a change made on another page is never missed.
 */
let dataVersion = 0;
subscribe(TOPICS, () => {
  dataVersion += 1;
});

/**
 * An overview is the answer for one key: the medals chosen, the data as it was, and the
 * day (papers and deadlines are counted from today). The last answer is kept, and shown
 * again without asking Python while its key still holds: nothing polls, whoever changes the
 * data publishes it.
 */
function keyOf(medals: MedalChoice): string {
  return `${medals}|${dataVersion}|${todayIso()}`;
}

let kept: { key: string; overview: Overview } | null = null;
let asking: { key: string; answer: Promise<Overview> } | null = null;

function ask(medals: MedalChoice): Promise<Overview> {
  const key = keyOf(medals);
  if (asking?.key === key) return asking.answer;
  const answer = api().dashboard.overview(null, medals === "all" ? null : medals);
  const request = { key, answer };
  asking = request;
  answer.then(
    (overview) => {
      // Unless the one kept is already the answer for now, this is the newest there is.
      if (kept?.key !== keyOf(medals)) kept = { key, overview };
    },
    () => {
      if (asking === request) asking = null;
    },
  );
  return answer;
}

/**
 * Asks Python for the overview as soon as the coach picks the Dashboard in the sidebar,
 * unless the one kept still holds: the question is on its way while the page draws.
 */
export function prefetchOverview(): void {
  const medals = medalChoice();
  if (kept?.key !== keyOf(medals)) ask(medals).catch(() => undefined);
}

export interface OverviewState {
  /** The latest answer (or the one kept from the last visit, until it comes). */
  overview: Overview | null;
  /** True until the answer for the data, the day and the choice as they are now has come. */
  busy: boolean;
  error: string | null;
  reload: () => void;
}

/** The overview for the medals chosen; asked for again whenever what it counts changed. */
export function useOverview(): OverviewState {
  const medals = useMedalChoice();
  // Re-renders on a change; the key then reads the new `dataVersion`.
  useDataEvent(...TOPICS);
  const [reloads, setReloads] = useState(0);
  const key = keyOf(medals);
  const [answer, setAnswer] = useState<{ key: string | null; overview: Overview | null; error: string | null }>(
    () => ({ key: kept?.key ?? null, overview: kept?.overview ?? null, error: null }),
  );

  useEffect(() => {
    if (kept?.key === key) {
      const { overview } = kept;
      setAnswer((last) => (last.key === key ? last : { key, overview, error: null }));
      return;
    }
    let live = true;
    ask(medals).then(
      (overview) => {
        if (live) setAnswer({ key, overview, error: null });
      },
      (err: unknown) => {
        if (live) setAnswer((last) => ({ key, overview: last.overview, error: errorMessage(err) }));
      },
    );
    // Unmounting, or a newer key, drops an answer still on its way (it is kept all the same).
    return () => {
      live = false;
    };
  }, [key, medals, reloads]);

  const reload = useCallback(() => {
    kept = null;
    asking = null;
    setReloads((n) => n + 1);
  }, []);
  return { overview: answer.overview, busy: answer.key !== key, error: answer.error, reload };
}
