import { useSyncExternalStore } from "react";

/**
 * Python dispatches this window event after a restore or an undo has replaced the whole
 * database. Nothing restarts: every page that shows data reloads it instead.
 */
export const DATA_REPLACED_EVENT = "judo-manager:data-replaced";

let version = 0;
const listeners = new Set<() => void>();

// Listen from the moment this module loads, so no replacement is missed even while no
// component happens to be subscribed.
window.addEventListener(DATA_REPLACED_EVENT, () => {
  version += 1;
  listeners.forEach((listener) => listener());
});

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * A counter that goes up every time the data was replaced underneath the page. Use it as a
 * reload key: `useEffect(() => void load(), [load, dataVersion])`.
 */
export function useDataVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}
