import { LoaderCircleIcon } from "lucide-react";
import { cn } from "./cn";

interface SpinnerProps {
  className?: string;
}

/** A decorative spinning ring; pair it with visible text that says what is happening. */
export function Spinner({ className }: SpinnerProps) {
  return (
    <LoaderCircleIcon
      strokeWidth={2.5}
      className={cn("size-4 animate-spin motion-reduce:animate-[spin_3s_linear_infinite]", className)}
    />
  );
}
