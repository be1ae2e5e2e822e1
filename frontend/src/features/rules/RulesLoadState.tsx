import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import type { RulesState } from "../../lib/use-rules";

/** What a rules card shows until the rules are there: loading, or why they aren't. */
export function RulesLoadState({ state, onRetry }: { state: RulesState; onRetry: () => void }) {
  const { t } = useTranslation(["rules", "common"]);
  if (state.status === "error") {
    return (
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <p className="text-red-700">{t("loadFailed", { message: state.message })}</p>
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {t("common:actions.tryAgain")}
        </Button>
      </div>
    );
  }
  return <p className="text-sm text-slate-500">{t("common:status.loading")}</p>;
}
