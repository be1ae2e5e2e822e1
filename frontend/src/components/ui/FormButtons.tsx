import { useTranslation } from "react-i18next";
import { Button } from "./Button";

interface FormButtonsProps {
  /** The submit button's text, e.g. "Save belt". */
  saveLabel: string;
  saving: boolean;
  onCancel: () => void;
}

/** Cancel, then the form's submit button. While a save runs, Save shows it and Cancel waits for it. */
export function FormButtons({ saveLabel, saving, onCancel }: FormButtonsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Button variant="secondary" disabled={saving} onClick={onCancel}>
        {t("actions.cancel")}
      </Button>
      <Button type="submit" busy={saving}>
        {saveLabel}
      </Button>
    </>
  );
}
