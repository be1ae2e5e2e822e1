import type { ProgressUpdate } from "../types/bridge";
import { translate } from "./i18n";
import { createStore, useStore } from "./store";

/**
 * Only one backup, restore or import runs at a time. Each feature claims the slot before it
 * calls Python and releases it when Python has answered; the others read it to disable their
 * buttons. (Python refuses a second job too; this just keeps the buttons honest.) An import
 * takes a safety copy as a restore does, so it holds the slot too, though it reports no
 * progress.
 */
export type JobKind = ProgressUpdate["operation"] | "import";

/** What the coach is told if a job is asked for while another one runs. */
export function jobBusyMessage(): string {
  return translate("errors.jobBusy");
}

const jobs = createStore<{ active: JobKind | null }>({ active: null });

/** Takes the slot for `kind`; false when another job holds it. */
export function claimJob(kind: JobKind): boolean {
  if (jobs.get().active !== null) return false;
  jobs.set({ active: kind });
  return true;
}

/** Gives the slot back (only if `kind` holds it). */
export function releaseJob(kind: JobKind): void {
  if (jobs.get().active === kind) jobs.set({ active: null });
}

/** The job running right now, if any. */
export function useActiveJob(): JobKind | null {
  return useStore(jobs).active;
}
