import { Button } from "../../components/ui/Button";
import type { RulesState } from "../../lib/use-rules";

/** What a rules card shows until the rules are there: loading, or why they aren't. */
export function RulesLoadState({ state, onRetry }: { state: RulesState; onRetry: () => void }) {
  if (state.status === "error") {
    return (
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <p className="text-red-700">Couldn't load the rules. {state.message}</p>
        <Button variant="secondary" size="sm" onClick={onRetry}>
          Try again
        </Button>
      </div>
    );
  }
  return <p className="text-sm text-slate-500">Loading…</p>;
}
