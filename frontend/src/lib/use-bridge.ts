import { useEffect, useState } from "react";
import { BRIDGE_READY_EVENT, isBridgeReady } from "./bridge";

/**
 * Becomes true once the Python bridge is usable: either pywebview was already
 * injected when we mounted, or we wait for its `pywebviewready` event.
 */
export function useBridge(): boolean {
  const [ready, setReady] = useState<boolean>(isBridgeReady);

  useEffect(() => {
    if (ready) return;
    const onReady = () => setReady(true);
    window.addEventListener(BRIDGE_READY_EVENT, onReady);
    // The event may have fired between the first render and this effect.
    if (isBridgeReady()) setReady(true);
    return () => window.removeEventListener(BRIDGE_READY_EVENT, onReady);
  }, [ready]);

  return ready;
}
