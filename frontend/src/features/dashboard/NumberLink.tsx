import type { ReactNode } from "react";
import { cn } from "../../components/ui/cn";
import { goTo, type Destination } from "../../lib/navigation";

interface NumberLinkProps {
  to: Destination;
  className?: string;
  /** The number with what it counts: the whole is the link's name ("12 active athletes"). */
  children: ReactNode;
}

/**
 * A number that opens what it counts: the roster filtered to those athletes, the report,
 * the athlete or the tournament. A button in the markup (nothing loads), a link to
 * assistive technology (it takes the coach elsewhere).
 */
export function NumberLink({ to, className, children }: NumberLinkProps) {
  return (
    <button
      type="button"
      role="link"
      onClick={() => goTo(to)}
      className={cn(
        "cursor-pointer rounded-md text-left underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
        className,
      )}
    >
      {children}
    </button>
  );
}
