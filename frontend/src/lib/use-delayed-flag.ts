import { useEffect, useState } from "react";

/** Don't flash a progress bar for jobs that finish almost at once. */
export const SHOW_PROGRESS_AFTER_MS = 500;

/**
 * True once `active` has stayed true for `delayMs`; false again as soon as it isn't.
 * Used to show progress only for long jobs.
 */
export function useDelayedFlag(active: boolean, delayMs: number = SHOW_PROGRESS_AFTER_MS): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const timer = window.setTimeout(() => setShown(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [active, delayMs]);
  return active && shown;
}
