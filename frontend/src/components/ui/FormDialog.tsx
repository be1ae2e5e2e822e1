import type { ReactNode } from "react";
import type { FormSubmit } from "../../lib/use-form-submit";
import { cn } from "./cn";
import { Dialog, DialogFooter, type DialogWidth } from "./Dialog";
import { FormButtons } from "./FormButtons";

interface FormDialogProps {
  title: ReactNode;
  description?: ReactNode;
  width: DialogWidth;
  /** From `useFormSubmit`: the dialog stays open (Escape too) while it saves. */
  form: FormSubmit;
  saveLabel: string;
  onClose: () => void;
  /** How the fields are laid out (a grid, a stack); the dialog adds the padding. */
  bodyClassName: string;
  children: ReactNode;
}

/** A dialog holding one form: its fields, then Cancel and Save in the dialog's footer. */
export function FormDialog({
  title,
  description,
  width,
  form,
  saveLabel,
  onClose,
  bodyClassName,
  children,
}: FormDialogProps) {
  return (
    <Dialog title={title} description={description} busy={form.saving} onClose={onClose} width={width}>
      <form ref={form.formRef} noValidate onSubmit={form.onSubmit}
      onKeyDown={form.onKeyDown}>
        <div className={cn(bodyClassName, "px-7 pt-5")}>{children}</div>
        <DialogFooter>
          <FormButtons saveLabel={saveLabel} saving={form.saving} onCancel={onClose} />
        </DialogFooter>
      </form>
    </Dialog>
  );
}
