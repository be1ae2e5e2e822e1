import { useId, type ReactNode } from "react";
import { cn } from "./cn";

interface CardProps {
  /** Becomes the card's <h2> and its accessible name. */
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function Card({ title, description, icon, className, children }: CardProps) {
  // Not made from the title: a title in another alphabet, or two alike, would share an id.
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={cn("rounded-2xl border border-slate-200 bg-white shadow-sm", className)}
    >
      <div className="flex items-start gap-4 border-b border-slate-100 px-6 py-5">
        {icon ? (
          <span
            aria-hidden="true"
            className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-blue-50 text-blue-700"
          >
            {icon}
          </span>
        ) : null}
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
        </div>
      </div>
      <div className="px-6 py-5">{children}</div>
    </section>
  );
}
