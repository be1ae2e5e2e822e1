import { InfoIcon } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { appInfo, useAppInfo } from "../../lib/app-info";
import { formatBytes } from "../../lib/format";
import { countFigure, kindLabel } from "../../lib/record-counts";

export function AppInfoCard() {
  const { t } = useTranslation(["settings", "common"]);
  // Read again after each change to the data: a backup, a restore, athletes, rules.
  const state = useAppInfo();

  return (
    <Card
      title={t("about.title")}
      icon={<InfoIcon />}
      description={t("about.description")}
    >
      {state.status === "loading" ? (
        <p className="text-sm text-slate-500">{t("common:status.loading")}</p>
      ) : state.status === "error" ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p className="text-red-700">{t("about.failed", { message: state.message })}</p>
          <Button variant="secondary" size="sm" onClick={() => void appInfo.reload()}>
            {t("common:actions.tryAgain")}
          </Button>
        </div>
      ) : (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-10 gap-y-3 text-sm">
          <Row label={t("about.appVersion")}>{state.value.appVersion}</Row>
          <Row label={t("about.schemaVersion")}>{state.value.schemaVersion}</Row>
          <Row label={t("about.dataFolder")}>
            <span className="font-mono text-xs leading-5 break-all">{state.value.dataDir}</span>
          </Row>
          <Row label={t("about.databaseSize")}>{formatBytes(state.value.databaseBytes)}</Row>
          {state.value.contents.map((record) => (
            <Row key={record.kind} label={kindLabel(record.kind)}>
              {countFigure(state.value.contents, record.kind) ?? "—"}
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
