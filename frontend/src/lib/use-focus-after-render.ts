import { useCallback, useEffect, useState, type RefObject } from "react";

/**
 * Returns `focusLater()`, which focuses `ref`'s element once the render it triggers has been
 * committed: by then a closed form has given the element back and a closed modal no longer
 * makes it inert. An animation frame can run before that render and would focus nothing.
 */
export function useFocusAfterRender<T extends HTMLElement>(ref: RefObject<T | null>): () => void {
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests > 0) ref.current?.focus();
  }, [requests, ref]);
  return useCallback(() => setRequests((n) => n + 1), []);
}
