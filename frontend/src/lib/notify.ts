import { createElement, type ReactNode } from "react";
import { toast } from "sonner";
import { Toast, type ToastTone } from "../components/ui/Toast";

/** How long toasts stay up. Errors stay longer so they can be read calmly. */
export const SUCCESS_DURATION_MS = 6_000;
export const ERROR_DURATION_MS = 10_000;

const GENERIC_ERROR =
  "Something went wrong. Please try again, and if it keeps happening, restart Judo Manager.";

function show(tone: ToastTone, title: ReactNode, description: ReactNode | undefined, duration: number) {
  return toast.custom(
    (id) =>
      createElement(Toast, {
        tone,
        title,
        description,
        onDismiss: () => toast.dismiss(id),
      }),
    { duration, dismissible: true },
  );
}

/** A green, polite toast (role="status"). */
export function notifySuccess(title: string, description?: string) {
  return show("success", title, description, SUCCESS_DURATION_MS);
}

/** The coach-readable text of a caught bridge error (or a generic one). */
export function errorMessage(err: unknown): string {
  if (err instanceof Error && err.message.trim()) return err.message;
  return GENERIC_ERROR;
}

/**
 * A red, assertive toast (role="alert") for a caught error. Python exceptions
 * arrive as `Error`s whose message is already written for the coach.
 * With `title`, the message becomes the description under it.
 */
export function notifyError(err: unknown, title?: string) {
  const message = errorMessage(err);
  return title
    ? show("error", title, message, ERROR_DURATION_MS)
    : show("error", message, undefined, ERROR_DURATION_MS);
}
