import { useEffect, useState } from "react";
import { BRIDGE_EVENTS, type ProgressUpdate } from "../types/bridge";

function isProgressUpdate(value: unknown): value is ProgressUpdate {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.operation === "string" &&
    typeof v.phase === "string" &&
    typeof v.fraction === "number" &&
    Number.isFinite(v.fraction)
  );
}

/**
 * The latest progress Python pushed for `operation`, or null before the first
 * update. Changing `resetKey` (e.g. a run counter) forgets the previous run.
 * Nothing is polled: Python dispatches the events itself.
 */
export function useProgress(
  operation: ProgressUpdate["operation"],
  resetKey: unknown,
): ProgressUpdate | null {
  const [state, setState] = useState<{ key: unknown; update: ProgressUpdate | null }>({
    key: resetKey,
    update: null,
  });

  useEffect(() => {
    const onProgress = (event: Event) => {
      const detail: unknown = (event as CustomEvent<unknown>).detail;
      if (!isProgressUpdate(detail) || detail.operation !== operation) return;
      const fraction = Math.min(1, Math.max(0, detail.fraction));
      setState({ key: resetKey, update: { ...detail, fraction } });
    };
    // Python pushes a long job's progress as this window CustomEvent.
    window.addEventListener(BRIDGE_EVENTS.progress, onProgress);
    return () => window.removeEventListener(BRIDGE_EVENTS.progress, onProgress);
  }, [operation, resetKey]);

  return Object.is(state.key, resetKey) ? state.update : null;
}
