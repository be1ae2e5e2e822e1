import { Button } from "./Button";

interface FormButtonsProps {
  /** The submit button's text, e.g. "Save belt". */
  saveLabel: string;
  saving: boolean;
  onCancel: () => void;
}

/** Cancel, then the form's submit button. While a save runs, Save shows it and Cancel waits for it. */
export function FormButtons({ saveLabel, saving, onCancel }: FormButtonsProps) {
  return (
    <>
      <Button variant="secondary" disabled={saving} onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" busy={saving}>
        {saveLabel}
      </Button>
    </>
  );
}
