import { useSyncExternalStore } from "react";
import { BRIDGE_EVENTS } from "../types/bridge";

/**
 * What changed the data behind the screens, so whatever shows it loads it again. Nothing
 * restarts and nothing is polled: whoever made the change publishes it.
 *
 * - data-replaced: a restore or an undo replaced the whole database (Python pushes it).
 * - backup-finished: an export ended, however it ended (the backup history is in the data).
 * - restore-finished: a restore, an import of athletes or an undo ended, however it ended
 *   (the safety copies; an import takes one as a restore does).
 * - athletes-changed: an athlete, a promotion or a medal was added, changed or deleted.
 * - rules-changed: a belt or an age category was added, changed, moved or deleted.
 * - clubs-changed: a club was added, changed or deleted, or its logo chosen or removed (a
 *   deleted club's athletes are left with no club).
 * - tournaments-changed: a tournament, its entries, limits, copy of the rules or results were
 *   added, changed or deleted; the athlete page lists the tournaments entered, and the medals
 *   results made (a result that is a medal also publishes athletes-changed).
 * - organisation-changed: the organisation's name, logo or member-ID prefix changed.
 * - data-damaged: a read found the club's data on this computer damaged.
 * - language-changed: the coach chose another language; what Python wrote (its messages,
 *   the names it gives) is asked for again, in the new one.
 */
export type DataTopic =
  | "data-replaced"
  | "backup-finished"
  | "restore-finished"
  | "athletes-changed"
  | "rules-changed"
  | "clubs-changed"
  | "tournaments-changed"
  | "organisation-changed"
  | "data-damaged"
  | "language-changed";

type Listener = (topic: DataTopic) => void;

const published: Record<DataTopic, number> = {
  "data-replaced": 0,
  "backup-finished": 0,
  "restore-finished": 0,
  "athletes-changed": 0,
  "rules-changed": 0,
  "clubs-changed": 0,
  "tournaments-changed": 0,
  "organisation-changed": 0,
  "language-changed": 0,
  "data-damaged": 0,
};
const listeners = new Set<Listener>();

/** Tells every subscriber of `topic` that the data changed. */
export function publish(topic: DataTopic): void {
  published[topic] += 1;
  for (const listener of [...listeners]) listener(topic);
}

/** Calls `listener` after each publish of one of `topics`; returns the unsubscribe. */
export function subscribe(topics: readonly DataTopic[], listener: Listener): () => void {
  const filtered: Listener = (topic) => {
    if (topics.includes(topic)) listener(topic);
  };
  listeners.add(filtered);
  return () => {
    listeners.delete(filtered);
  };
}

function subscribeToAll(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
  };
}

/**
 * How many times any of `topics` has been published: it goes up with each one, so use it as
 * a reload key, e.g. `useEffect(() => void load(), [load, version])`.
 */
export function useDataEvent(...topics: DataTopic[]): number {
  return useSyncExternalStore(subscribeToAll, () =>
    topics.reduce((sum, topic) => sum + published[topic], 0),
  );
}

// Listening from the moment this module loads, so no replacement is missed even while no
// page happens to be subscribed.
window.addEventListener(BRIDGE_EVENTS.dataReplaced, () => publish("data-replaced"));
