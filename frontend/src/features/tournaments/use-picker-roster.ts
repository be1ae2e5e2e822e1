import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api } from "../../lib/bridge";
import { useDataEvent } from "../../lib/data-events";
import { errorMessage } from "../../lib/notify";
import type { AthleteFilters, AthleteList } from "../../types/bridge";

interface PickerRoster {
  list: AthleteList | null;
  /** True while the answer for the current filters hasn't arrived. */
  busy: boolean;
  error: string | null;
  reload: () => void;
}

interface Request {
  filters: AthleteFilters;
  dataVersion: number;
  reloads: number;
}

/**
 * The roster for the picker's filters: the roster page's own query (`athletes.list`), asked
 * on every change with no debounce (Python answers in milliseconds). Only the newest
 * request's answer is used, so fast typing never ends on an older result; the rows on screen
 * stay until the new ones arrive, so the list never flashes empty.
 */
export function usePickerRoster(filters: AthleteFilters): PickerRoster {
  const dataVersion = useDataEvent("data-replaced", "athletes-changed", "rules-changed", "clubs-changed");
  const [reloads, setReloads] = useState(0);
  const request = useMemo<Request>(() => ({ filters, dataVersion, reloads }), [filters, dataVersion, reloads]);
  const [answer, setAnswer] = useState<{ request: Request | null; list: AthleteList | null; error: string | null }>({
    request: null,
    list: null,
    error: null,
  });
  const latest = useRef<Request | null>(null);

  useEffect(() => {
    latest.current = request;
    api()
      .athletes.list(request.filters)
      .then(
        (list) => {
          if (latest.current === request) setAnswer({ request, list, error: null });
        },
        (err: unknown) => {
          if (latest.current === request) setAnswer({ request, list: null, error: errorMessage(err) });
        },
      );
    return () => {
      if (latest.current === request) latest.current = null;
    };
  }, [request]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { list: answer.list, busy: answer.request !== request, error: answer.error, reload };
}
