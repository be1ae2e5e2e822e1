import { useCallback, useEffect, useState, type ReactNode } from "react";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { InfoIcon } from "../../components/ui/icons";
import { api } from "../../lib/bridge";
import { formatBytes } from "../../lib/format";
import { errorMessage } from "../../lib/notify";
import { kindLabel } from "../../lib/record-counts";
import { useDataVersion } from "../../lib/use-data-version";
import type { AppInfo } from "../../types/bridge";

type Info =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "loaded"; info: AppInfo };

interface AppInfoCardProps {
  /** Changing this reloads the figures (e.g. after a backup). */
  refreshKey?: unknown;
}

export function AppInfoCard({ refreshKey }: AppInfoCardProps) {
  const [state, setState] = useState<Info>({ status: "loading" });
  const dataVersion = useDataVersion();

  const load = useCallback(async () => {
    try {
      setState({ status: "loaded", info: await api().system.getAppInfo() });
    } catch (err) {
      setState({ status: "error", message: errorMessage(err) });
    }
  }, []);

  // Also after a restore or an undo replaced the data.
  useEffect(() => {
    void load();
  }, [load, refreshKey, dataVersion]);

  return (
    <Card
      title="About this app"
      icon={<InfoIcon />}
      description="Handy to have at hand when asking someone for help."
    >
      {state.status === "loading" ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : state.status === "error" ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p className="text-red-700">Couldn't load the app details. {state.message}</p>
          <Button variant="secondary" size="sm" onClick={() => void load()}>
            Try again
          </Button>
        </div>
      ) : (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-10 gap-y-3 text-sm">
          <Row label="App version">{state.info.appVersion}</Row>
          <Row label="Schema version">{state.info.schemaVersion}</Row>
          <Row label="Data folder">
            <span className="font-mono text-xs leading-5 break-all">{state.info.dataDir}</span>
          </Row>
          <Row label="Database size">{formatBytes(state.info.databaseBytes)}</Row>
          {state.info.contents.map((record) => (
            <Row key={record.kind} label={kindLabel(record)}>
              {record.count ?? "—"}
            </Row>
          ))}
        </dl>
      )}
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-900">{children}</dd>
    </div>
  );
}
