import { useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
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
  /** A gentler choice beside the confirm button, e.g. "Mark as inactive" instead of deleting. */
  alternative?: { label: string; onChoose: () => Promise<void> | void };
}

/**
 * "Are you sure?" for anything that deletes. Cancel has the first focus, so a stray Enter
 * never destroys anything.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, alternative }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState<"confirm" | "alternative" | null>(null);

  const run = async (which: "confirm" | "alternative", action: () => Promise<void> | void) => {
    setBusy(which);
    try {
      await action();
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog
      role="alertdialog"
      title={title}
      description={children}
      busy={busy !== null}
      onClose={onCancel}
      initialFocus={cancelRef}
      width="sm"
    >
      <DialogFooter>
        <Button ref={cancelRef} variant="secondary" disabled={busy !== null} onClick={onCancel}>
          {t("actions.cancel")}
        </Button>
        {alternative ? (
          <Button
            variant="secondary"
            busy={busy === "alternative"}
            disabled={busy === "confirm"}
            onClick={() => void run("alternative", alternative.onChoose)}
          >
            {alternative.label}
          </Button>
        ) : null}
        <Button
          variant="danger"
          busy={busy === "confirm"}
          disabled={busy === "alternative"}
          onClick={() => void run("confirm", onConfirm)}
        >
          {confirmLabel}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
