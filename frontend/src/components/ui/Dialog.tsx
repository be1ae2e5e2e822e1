import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { useEffect, useLayoutEffect, useRef, type ReactNode, type RefObject } from "react";
import { cn } from "./cn";

const FIRST_CONTROL = "input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)";

interface DialogProps {
  /** Becomes the dialog's heading and its accessible name. */
  title: ReactNode;
  /** Read out with the title (aria-describedby). */
  description?: ReactNode;
  /** Beside the title, e.g. the warning sign of a confirmation that replaces data. */
  icon?: ReactNode;
  /** "alertdialog" for a confirmation that interrupts the coach. */
  role?: "dialog" | "alertdialog";
  /** While true (a save is running), Escape doesn't close it. */
  busy?: boolean;
  onClose: () => void;
  /** Focused on open; otherwise the first control. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Where focus goes once it has closed; otherwise back where it was when it opened. */
  returnFocus?: () => HTMLElement | null;
  width?: DialogWidth;
  children: ReactNode;
}

// "xl": the image viewer, which wants the room it can get.
const WIDTHS = { sm: "max-w-md", md: "max-w-xl", lg: "max-w-2xl", xl: "max-w-6xl" } as const;
export type DialogWidth = keyof typeof WIDTHS;

/** A plain dialog closes only by its own buttons and Escape, never by a click beside it. */
function DialogContent(props: AlertDialogPrimitive.AlertDialogContentProps & { ref?: RefObject<HTMLDivElement | null> }) {
  return <DialogPrimitive.Content {...props} onInteractOutside={(event) => event.preventDefault()} />;
}

const DIALOG = { ...DialogPrimitive, Content: DialogContent };
const ALERT_DIALOG = AlertDialogPrimitive;

/**
 * A modal dialog (Radix Dialog, or AlertDialog for a confirmation), open while it is
 * mounted: the page behind it is hidden from assistive technology and can't be clicked or
 * scrolled, Tab stays inside, Escape closes it (unless busy), and focus goes back where it
 * was when it closes.
 */
export function Dialog({
  title,
  description,
  icon,
  role = "dialog",
  busy = false,
  onClose,
  initialFocus,
  returnFocus,
  width = "md",
  children,
}: DialogProps) {
  const { Root, Portal, Overlay, Content, Title, Description } = role === "alertdialog" ? ALERT_DIALOG : DIALOG;
  const contentRef = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);

  // Before Radix moves the focus into the dialog.
  useLayoutEffect(() => {
    opener.current = document.activeElement;
  }, []);

  // A save that disables every button must not leave focus on the (now dead) page.
  useEffect(() => {
    const content = contentRef.current;
    if (busy && content && !content.contains(document.activeElement)) content.focus();
  }, [busy]);

  return (
    <Root
      open
      onOpenChange={(open) => {
        if (!open && !busy) onClose();
      }}
    >
      <Portal>
        <Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Content
          ref={contentRef}
          aria-modal="true"
          aria-busy={busy || undefined}
          // Radix would otherwise point aria-describedby at a description that isn't there.
          {...(description ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={(event) => {
            // The first control gets the focus, as it is (Radix would select an input's text).
            event.preventDefault();
            const first = initialFocus?.current ?? contentRef.current?.querySelector<HTMLElement>(FIRST_CONTROL);
            (first ?? contentRef.current)?.focus();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            const target = returnFocus ? returnFocus() : opener.current;
            if (target instanceof HTMLElement && target.isConnected) target.focus();
          }}
          onEscapeKeyDown={(event) => {
            if (busy) event.preventDefault();
          }}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 max-h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl bg-white text-slate-900 shadow-2xl outline-none",
            WIDTHS[width],
          )}
        >
          <div className={cn("px-7 pt-6", icon ? "flex items-start gap-4" : undefined)}>
            {icon ? (
              <span
                aria-hidden="true"
                className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-amber-50 text-amber-700"
              >
                {icon}
              </span>
            ) : null}
            <div className="min-w-0">
              <Title className="text-lg font-semibold text-slate-900">{title}</Title>
              {description ? (
                <Description asChild>
                  <div className="mt-1 text-sm text-slate-600">{description}</div>
                </Description>
              ) : null}
            </div>
          </div>
          {children}
        </Content>
      </Portal>
    </Root>
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
