import { createElement, type ComponentType, type ReactNode } from "react";
import { toast } from "sonner";
import type { ErrorCode } from "../types/bridge";
import { errorCode } from "./bridge";
import { publish } from "./data-events";
import { fieldProblems } from "./field-problems";
import { translate } from "./i18n";

export type ToastTone = "success" | "error";

/** One button inside the toast, e.g. "Undo restore". */
export interface ToastAction {
  /** The button's text and accessible name. */
  label: string;
  onClick: () => void;
}

/** What a toast shows; `components/ui/Toast` draws it. */
export interface ToastProps {
  tone: ToastTone;
  title: ReactNode;
  description?: ReactNode;
  action?: ToastAction;
  onDismiss: () => void;
}

/**
 * The component that draws a toast. Set by `components/ui/Notifications`, which also places
 * them on screen: lib never imports components, so the look is handed in.
 */
let toastView: ComponentType<ToastProps> | null = null;

export function setToastView(view: ComponentType<ToastProps>): void {
  toastView = view;
}

/** How long toasts stay up. An error stays until the coach dismisses it: it may need reading twice. */
export const SUCCESS_DURATION_MS = 6_000;
export const ERROR_DURATION_MS = Infinity;
/** A toast with a button (e.g. "Undo restore") stays long enough to reach for it. */
export const ACTION_DURATION_MS = 15_000;

/** For an error that says nothing the coach could read. */
function genericError(): string {
  return translate("errors.generic");
}

/** Identifies a toast that is on screen, for `dismissNotification`. */
export type NotificationId = string | number;

function show(
  tone: ToastTone,
  title: ReactNode,
  description: ReactNode | undefined,
  duration: number,
  action?: ToastAction,
): NotificationId {
  const view = toastView;
  if (!view) throw new Error("No toast view: <Notifications /> must be on the page.");
  return toast.custom(
    (id) =>
      createElement(view, {
        tone,
        title,
        description,
        onDismiss: () => toast.dismiss(id),
        // The toast goes away as its button is pressed: the action has been taken.
        action: action && {
          label: action.label,
          onClick: () => {
            // Sonner hands the focus back to where it was before the toast whenever it
            // leaves the toast, even into a dialog the action opens; leaving first lets that
            // happen now, so the dialog's own focus stands.
            if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
            toast.dismiss(id);
            action.onClick();
          },
        },
      }),
    { duration, dismissible: true },
  );
}

/**
 * A green, polite toast (role="status"). With `action`, it carries one button (e.g.
 * "Undo restore") and stays up longer.
 */
export function notifySuccess(title: string, description?: string, action?: ToastAction) {
  return show(
    "success",
    title,
    description,
    action ? ACTION_DURATION_MS : SUCCESS_DURATION_MS,
    action,
  );
}

/** Takes a toast off the screen early (e.g. an "Undo" that no longer applies). */
export function dismissNotification(id: NotificationId): void {
  toast.dismiss(id);
}

/**
 * The coach-readable text of a caught bridge error (or a generic one). A refused form
 * carries JSON; its summary (or else its field messages) is what the coach reads.
 */
export function errorMessage(err: unknown): string {
  noticeDamage(err);
  noticeStale(err);
  const problems = fieldProblems(err);
  if (problems) {
    const text = problems.message.trim() || Object.values(problems.fields).join(" ");
    return text || genericError();
  }
  if (err instanceof Error && err.message.trim()) return err.message;
  return genericError();
}

/** Python's codes for "the club's data on this computer is damaged" (errors.py). */
const DAMAGE_ERRORS: ReadonlySet<ErrorCode | null> = new Set<ErrorCode>(["damaged-database", "not-a-database"]);

/**
 * Every error from Python is read through `errorMessage`, so this is where damage found by
 * any read is noticed: the app then checks its data and, if it is damaged, shows the rescue.
 */
function noticeDamage(err: unknown): void {
  if (DAMAGE_ERRORS.has(errorCode(err))) publish("data-damaged");
}

/**
 * A write refused because the record changed since the page loaded it (errors.py
 * StaleRecordError) means the data changed: whatever shows it loads it again.
 */
function noticeStale(err: unknown): void {
  if (errorCode(err) === "stale-record") publish("athletes-changed");
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
