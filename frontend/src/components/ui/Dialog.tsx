import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from "react";
import { trapFocus } from "../../lib/focus-trap";
import { cn } from "./cn";

const FIRST_CONTROL = "input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)";

interface DialogProps {
  /** Becomes the dialog's heading and its accessible name. */
  title: ReactNode;
  /** Read out with the title (aria-describedby). */
  description?: ReactNode;
  /** "alertdialog" for a confirmation that interrupts the coach. */
  role?: "dialog" | "alertdialog";
  /** While true (a save is running), Escape doesn't close it. */
  busy?: boolean;
  onClose: () => void;
  /** Focused on open; otherwise the first control. */
  initialFocus?: RefObject<HTMLElement | null>;
  width?: DialogWidth;
  children: ReactNode;
}

const WIDTHS = { sm: "max-w-md", md: "max-w-xl", lg: "max-w-2xl" } as const;
export type DialogWidth = keyof typeof WIDTHS;

/**
 * A native modal <dialog>: the top layer, with the page behind it inert. Escape closes it
 * (unless busy), Tab stays inside, and focus goes back where it was when it closes.
 */
export function Dialog({
  title,
  description,
  role = "dialog",
  busy = false,
  onClose,
  initialFocus,
  width = "md",
  children,
}: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const busyRef = useRef(busy);
  busyRef.current = busy;
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const titleId = useId();
  const descriptionId = useId();

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    const first = initialFocus?.current ?? dialog.querySelector<HTMLElement>(FIRST_CONTROL);
    (first ?? dialog).focus();
    return () => {
      // Still modal at this point, so the page behind is inert: close first, then refocus.
      dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
    // Only on open (`initialFocus` is a ref, the same object every render): the first focus
    // must not jump around as the content changes.
  }, [initialFocus]);

  // A save that disables every button must not leave focus on the (now dead) page.
  useEffect(() => {
    if (busy && !dialogRef.current?.contains(document.activeElement)) dialogRef.current?.focus();
  }, [busy]);

  const requestClose = () => {
    if (!busyRef.current) onCloseRef.current();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === "Escape") {
      // Handled here, not by the browser, which would close the element behind React's back.
      event.preventDefault();
      event.stopPropagation();
      requestClose();
    } else if (event.key === "Tab") {
      trapFocus(event, event.currentTarget);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      aria-busy={busy || undefined}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        requestClose();
      }}
      className={cn(
        "m-auto max-h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] overflow-y-auto rounded-2xl border-0 bg-white p-0 text-slate-900 shadow-2xl outline-none backdrop:bg-slate-900/50",
        WIDTHS[width],
      )}
    >
      <div className="px-7 pt-6">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {description ? (
          <div id={descriptionId} className="mt-1 text-sm text-slate-600">
            {description}
          </div>
        ) : null}
      </div>
      {children}
    </dialog>
  );
}

/** The button row at the bottom of a dialog. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return (
    // Sticky: on a small screen a long form scrolls, and Save stays in reach.
    <div className="sticky bottom-0 mt-6 flex flex-wrap justify-end gap-3 rounded-b-2xl border-t border-slate-100 bg-slate-50 px-7 py-4">
      {children}
    </div>
  );
}
