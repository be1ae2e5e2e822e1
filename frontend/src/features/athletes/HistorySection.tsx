import { useId, type ReactNode } from "react";

interface HistorySectionProps {
  title: string;
  /** A button beside the title, e.g. "Record promotion". */
  action: ReactNode;
  children: ReactNode;
}

/** A white card with a heading, for the promotion and medal timelines. */
export function HistorySection({ title, action, children }: HistorySectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      <div className="flex min-h-16 items-center justify-between gap-4 border-b border-slate-100 px-6 py-3">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {title}
        </h3>
        {action}
      </div>
      <div className="px-6 py-5">{children}</div>
    </section>
  );
}
