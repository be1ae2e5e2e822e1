import { useCallback, useEffect, useState } from "react";
import { Button } from "../../components/ui/Button";
import { UsersIcon } from "../../components/ui/icons";
import { Spinner } from "../../components/ui/Spinner";
import { api } from "../../lib/bridge";
import { pluralize } from "../../lib/format";
import { errorMessage } from "../../lib/notify";
import { useDataVersion } from "../../lib/use-data-version";

type Count =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "loaded"; count: number };

export function AthletesPage() {
  const [state, setState] = useState<Count>({ status: "loading" });
  const dataVersion = useDataVersion();

  const load = useCallback(async () => {
    try {
      setState({ status: "loaded", count: await api().athletes.count() });
    } catch (err) {
      setState({ status: "error", message: errorMessage(err) });
    }
  }, []);

  // Again whenever a restore or an undo replaced the data.
  useEffect(() => {
    void load();
  }, [load, dataVersion]);

  return (
    <section
      aria-label="Athlete roster"
      className="rounded-2xl border border-slate-200 bg-white px-6 py-12 text-center shadow-sm"
    >
      <span
        aria-hidden="true"
        className="mx-auto flex size-14 items-center justify-center rounded-2xl bg-blue-50 text-blue-700"
      >
        <UsersIcon className="size-7" />
      </span>
      {state.status === "loading" ? (
        <p className="mt-4 flex items-center justify-center gap-2 text-sm text-slate-500">
          <Spinner /> Counting athletes…
        </p>
      ) : state.status === "error" ? (
        <div className="mt-4 space-y-3">
          <p className="text-sm text-red-700">Couldn't count your athletes. {state.message}</p>
          <Button variant="secondary" onClick={() => void load()}>
            Try again
          </Button>
        </div>
      ) : state.count === 0 ? (
        <div className="mt-4">
          <h2 className="text-lg font-semibold text-slate-900">No athletes yet</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
            Your club has no athletes in Judo Manager so far. Adding and editing athletes is coming
            in a later version.
          </p>
        </div>
      ) : (
        <div className="mt-4">
          <h2 className="text-lg font-semibold text-slate-900">
            {pluralize(state.count, "athlete")} in your club
          </h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
            The full roster, with belts and medals, is coming in a later version.
          </p>
        </div>
      )}
    </section>
  );
}
