import { useSyncExternalStore } from "react";
import type { ProgressUpdate } from "../types/bridge";

/**
 * Only one backup or restore runs at a time. Each feature claims the slot before it calls
 * Python and releases it when Python has answered; the others read it to disable their
 * buttons. (Python refuses a second job too; this just keeps the buttons honest.)
 */
export type JobKind = ProgressUpdate["operation"];

/** What the coach is told if a job is asked for while another one runs. */
export const JOB_BUSY_MESSAGE =
  "Another backup or restore is still running. Try again when it has finished.";

let active: JobKind | null = null;
const listeners = new Set<() => void>();

function set(next: JobKind | null) {
  active = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Takes the slot for `kind`; false when another job holds it. */
export function claimJob(kind: JobKind): boolean {
  if (active !== null) return false;
  set(kind);
  return true;
}

/** Gives the slot back (only if `kind` holds it). */
export function releaseJob(kind: JobKind): void {
  if (active === kind) set(null);
}

/** The job running right now, if any. */
export function useActiveJob(): JobKind | null {
  return useSyncExternalStore(subscribe, () => active);
}
