import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api } from "./bridge";
import { errorMessage } from "./notify";
import { useDataEvent } from "./data-events";
import type { AthleteFilters, AthleteList } from "../types/bridge";

/** Where a page keeps the last answer across its visits (the roster page), so it shows at once. */
export interface RosterMemory {
  list: AthleteList | null;
}

export interface Roster {
  /** The latest answer (or the one from the last visit, until then). */
  list: AthleteList | null;
  /** True while the answer for the current filters hasn't arrived. */
  busy: boolean;
  error: string | null;
  reload: () => void;
}

/**
 * One request: what was asked, by identity, so "is this the answer to now?" is a comparison.
 * `dataVersion` and `reloads` make it a new request for the same filters.
 */
interface Request {
  filters: AthleteFilters;
  dataVersion: number;
  reloads: number;
}

/**
 * The roster for `filters`, asked for on every change with no debounce (Python answers in
 * a few milliseconds). Only the newest request's answer is used, so fast typing can never
 * end on an older result. `busy` is worked out while rendering, not set by an effect: the
 * same commit that shows a new filter value already says aria-busy="true", so nobody
 * watching the page can see "not busy" next to rows from the filters before. The roster page
 * and the tournament picker both list athletes through it.
 */
export function useRoster(filters: AthleteFilters, memory?: RosterMemory): Roster {
  // Also when the data was replaced, or athletes, rules (the categories) or clubs (a deleted
  // club's athletes have none now) changed.
  const dataVersion = useDataEvent("data-replaced", "athletes-changed", "rules-changed", "clubs-changed");
  const [reloads, setReloads] = useState(0);
  // A new object whenever anything that changes the answer changes: a restore
  // (dataVersion) or "Try again" (reloads) ask again with the same filters.
  const request = useMemo<Request>(() => ({ filters, dataVersion, reloads }), [filters, dataVersion, reloads]);
  const [answer, setAnswer] = useState<{ request: Request | null; list: AthleteList | null; error: string | null }>(
    { request: null, list: memory?.list ?? null, error: null },
  );
  const latest = useRef<Request | null>(null);

  useEffect(() => {
    latest.current = request;
    api()
      .athletes.list(request.filters)
      .then(
        (list) => {
          if (latest.current !== request) return;
          if (memory) memory.list = list;
          setAnswer({ request, list, error: null });
        },
        (err: unknown) => {
          if (latest.current !== request) return;
          // No rows rather than the previous filters' rows under the new filter values.
          setAnswer({ request, list: null, error: errorMessage(err) });
        },
      );
    // Unmounting, or asking again, drops an answer still on its way.
    return () => {
      if (latest.current === request) latest.current = null;
    };
  }, [request, memory]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { list: answer.list, busy: answer.request !== request, error: answer.error, reload };
}
