import { useTranslation } from "react-i18next";
import { DayPicker } from "react-day-picker";
import { enGB, id, type DayPickerLocale } from "react-day-picker/locale";
import "react-day-picker/style.css";

/**
 * The calendar's month and day names, and its own buttons' names, for each of the app's
 * languages (by code); English is British English, as the app's dates are: weeks from Monday.
 */
const CALENDAR_LOCALES: Record<string, DayPickerLocale> = { en: enGB, id };

interface DateCalendarProps {
  selected: Date | undefined;
  /** The latest day that may be chosen. */
  latest: Date | undefined;
  onSelect: (date: Date) => void;
}

/** The month grid DateInput opens: one day, never after `latest`, in the app's language. */
export default function DateCalendar({ selected, latest, onSelect }: DateCalendarProps) {
  const { i18n } = useTranslation();
  return (
    <DayPicker
      mode="single"
      // Clicking the chosen day again keeps it (and closes), rather than emptying it.
      required
      locale={CALENDAR_LOCALES[i18n.language] ?? enGB}
      autoFocus
      captionLayout="dropdown"
      selected={selected}
      defaultMonth={selected ?? latest}
      endMonth={latest}
      disabled={latest ? { after: latest } : undefined}
      onSelect={onSelect}
    />
  );
}
