import { useRef, useState, type ReactNode } from "react";
import { Button } from "./Button";
import { Dialog, DialogFooter } from "./Dialog";

interface ConfirmDialogProps {
  /** The question, e.g. "Delete Anna Novak?". */
  title: string;
  /** What happens if the coach confirms. */
  children: ReactNode;
  /** The confirm button's text, e.g. "Delete athlete". */
  confirmLabel: string;
  /** May be async: the dialog shows it running and stays open until it settles. */
  onConfirm: () => Promise<void> | void;
  onCancel: () => void;
}

/**
 * "Are you sure?" for anything that deletes. Cancel has the first focus, so a stray Enter
 * never destroys anything.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      role="alertdialog"
      title={title}
      description={children}
      busy={busy}
      onClose={onCancel}
      initialFocus={cancelRef}
      width="sm"
    >
      <DialogFooter>
        <Button ref={cancelRef} variant="secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="danger" busy={busy} onClick={() => void confirm()}>
          {confirmLabel}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
