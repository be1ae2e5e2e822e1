import { DayPicker } from "react-day-picker";
import { enGB } from "react-day-picker/locale";
import "react-day-picker/style.css";

interface DateCalendarProps {
  selected: Date | undefined;
  /** The latest day that may be chosen. */
  latest: Date | undefined;
  onSelect: (date: Date) => void;
}

/** The month grid DateInput opens: one day, never after `latest`, weeks from Monday (en-GB). */
export default function DateCalendar({ selected, latest, onSelect }: DateCalendarProps) {
  return (
    <DayPicker
      mode="single"
      // Clicking the chosen day again keeps it (and closes), rather than emptying it.
      required
      locale={enGB}
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
