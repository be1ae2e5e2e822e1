import type { KeyboardEvent } from "react";

const FOCUSABLE =
  'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** For a dialog's Tab key: keeps Tab and Shift+Tab cycling through its own controls. */
export function trapFocus(event: KeyboardEvent<HTMLElement>, container: HTMLElement) {
  const focusable = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE));
  event.preventDefault();
  if (focusable.length === 0) {
    container.focus();
    return;
  }
  const index = focusable.indexOf(document.activeElement as HTMLElement);
  const step = event.shiftKey ? -1 : 1;
  const next =
    index === -1
      ? focusable[event.shiftKey ? focusable.length - 1 : 0]
      : focusable[(index + step + focusable.length) % focusable.length];
  next?.focus();
}
