import { CheckIcon, CircleAlertIcon, XIcon } from "lucide-react";
import { useTranslation } from "react-i18next";
import type { ToastProps } from "../../lib/notify";
import { cn } from "./cn";

/**
 * Our own toast markup, rendered through sonner's `toast.custom`, so the
 * toast element itself carries the ARIA role: success → status (polite),
 * error → alert (assertive). Sonner's built-in toasts are plain <li>s.
 */
export function Toast({ tone, title, description, action, onDismiss }: ToastProps) {
  const { t } = useTranslation();
  const isError = tone === "error";
  return (
    <div
      role={isError ? "alert" : "status"}
      aria-atomic="true"
      className={cn(
        "flex w-[var(--width)] items-start gap-2.5 font-sans rounded-xl border bg-white p-3 pr-2 shadow-lg",
        isError ? "border-red-200" : "border-emerald-200",
      )}
    >
      <span
        aria-hidden="true"
        className={cn(
          "mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full",
          isError ? "bg-red-100 text-red-700" : "bg-emerald-100 text-emerald-700",
        )}
      >
        {isError ? <CircleAlertIcon size={16} strokeWidth={2.5} /> : <CheckIcon size={16} strokeWidth={3} />}
      </span>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold break-words text-slate-900">{title}</p>
        {description ? (
          <p className="mt-1 text-sm break-words text-slate-600">{description}</p>
        ) : null}
        {action ? (
          <button
            type="button"
            onClick={action.onClick}
            className="mt-3 inline-flex min-h-8 items-center rounded-lg bg-white px-3 py-1 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            {action.label}
          </button>
        ) : null}
      </div>
      <button
        type="button"
        onClick={onDismiss}
        aria-label={t("notifications.dismiss")}
        className="-m-1 shrink-0 rounded-md p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600"
      >
        <XIcon size={16} strokeWidth={2.5} />
      </button>
    </div>
  );
}
