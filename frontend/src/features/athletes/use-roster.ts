import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../../lib/bridge";
import { errorMessage } from "../../lib/notify";
import { useDataVersion } from "../../lib/use-data-version";
import type { AthleteFilters, AthleteList } from "../../types/bridge";
import { rosterMemory } from "./roster-store";

export interface Roster {
  /** The latest answer (or the one from the last visit, until then). */
  list: AthleteList | null;
  /** True while the answer for the current filters hasn't arrived. */
  busy: boolean;
  error: string | null;
  reload: () => void;
}

/**
 * The roster for `filters`, asked for on every change with no debounce (Python answers in
 * a few milliseconds). Each request gets a number and only the newest one's answer is
 * used, so fast typing can never end on an older result.
 */
export function useRoster(filters: AthleteFilters): Roster {
  const dataVersion = useDataVersion();
  const [list, setList] = useState<AthleteList | null>(rosterMemory.list);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setBusy(true);
    api()
      .athletes.list(filters)
      .then(
        (answer) => {
          if (request !== latest.current) return;
          rosterMemory.list = answer;
          setList(answer);
          setError(null);
          setBusy(false);
        },
        (err: unknown) => {
          if (request !== latest.current) return;
          setError(errorMessage(err));
          setBusy(false);
        },
      );
  }, [filters, dataVersion, reloads]);

  // Unmounting must also drop an answer still on its way.
  useEffect(
    () => () => {
      latest.current += 1;
    },
    [],
  );

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { list, busy, error, reload };
}
