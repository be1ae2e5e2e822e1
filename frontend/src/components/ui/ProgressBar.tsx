import { useTranslation } from "react-i18next";

interface ProgressBarProps {
  /** 0..1 */
  fraction: number;
  /** Accessible name, e.g. "Backup progress". */
  label: string;
  /** What is happening right now, shown above the bar. */
  status: string;
}

export function ProgressBar({ fraction, label, status }: ProgressBarProps) {
  const { t } = useTranslation();
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between gap-4 text-sm">
        {/* Announced as the steps change, without the percentage chatter. */}
        <span className="text-slate-700" aria-live="polite">
          {status}
        </span>
        <span className="font-semibold text-slate-900 tabular-nums">{t("progress.percent", { percent })}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t("progress.valueText", { percent, status })}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full rounded-full bg-blue-600 transition-[width] duration-300 ease-out motion-reduce:transition-none"
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
