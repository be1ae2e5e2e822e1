import { useMemo, useRef } from "react";

/**
 * `items` with each one that reads the same as in the previous answer kept as the very object
 * it was: every change answers the whole tournament anew, and memoized rows then redraw only
 * where something changed (one entry of a thousand, not all of them).
 */
export function useStableItems<T extends { id: number }>(items: readonly T[]): readonly T[] {
  const memory = useRef(new Map<number, { text: string; item: T }>());
  return useMemo(() => {
    const next = new Map<number, { text: string; item: T }>();
    const stable = items.map((item) => {
      const text = JSON.stringify(item);
      const kept = memory.current.get(item.id);
      const chosen = kept && kept.text === text ? kept.item : item;
      next.set(item.id, { text, item: chosen });
      return chosen;
    });
    memory.current = next;
    return stable;
  }, [items]);
}
