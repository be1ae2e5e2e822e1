import { PlusIcon, UsersIcon } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { goTo } from "../../lib/navigation";
import { AttentionSection } from "./AttentionSection";
import { CountsSection } from "./CountsSection";
import { MedalsSection } from "./MedalsSection";
import { useMedalChoice, useOverview } from "./use-overview";

interface DashboardPageProps {
  /** The backup status card, composed in by the page registry: features don't import each other. */
  backupStatus?: ReactNode;
}

/**
 * The first page: the club at a glance (counts and charts, medals), what needs the coach
 * (gradings, papers, entry deadlines) and the backup's status. Every number opens what it
 * counts. `aria-busy` is false once the numbers on screen are those of the data as it is now.
 */
export function DashboardPage({ backupStatus }: DashboardPageProps) {
  const { t } = useTranslation("dashboard");
  const { overview, busy, error, reload } = useOverview();
  const choice = useMedalChoice();
  return (
    <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain">
      <div aria-busy={busy} className="max-w-6xl space-y-6 px-5 py-8 lg:px-10" data-dashboard>
        {error ? (
          <div role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">
            <p>{t("loadFailed", { error })}</p>
            <Button variant="secondary" size="sm" className="mt-2" onClick={reload}>
              {t("tryAgain")}
            </Button>
          </div>
        ) : null}
        {overview === null ? (
          error ? null : (
            <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
              <Spinner className="size-4" />
              {t("loading")}
            </p>
          )
        ) : (
          <>
            {overview.active === 0 ? (
              <EmptyClub anyAthlete={overview.athletes > 0} />
            ) : (
              <CountsSection overview={overview} />
            )}
            <div className="grid items-start gap-6 xl:grid-cols-2">
              <AttentionSection overview={overview} />
              <div className="space-y-6">
                {backupStatus}
                <MedalsSection overview={overview} choice={choice} />
              </div>
            </div>
          </>
        )}
        {/* The backup's status reads on its own: it shows even when the numbers don't. */}
        {overview === null ? backupStatus : null}
      </div>
    </div>
  );
}

/** No active athlete (none at all, or every one inactive): where to start, not charts of nothing. */
function EmptyClub({ anyAthlete }: { anyAthlete: boolean }) {
  const { t } = useTranslation("dashboard");
  return (
    <section
      aria-labelledby="dashboard-empty"
      className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-8 text-center"
    >
      <h2 id="dashboard-empty" className="text-lg font-semibold text-slate-900">
        {anyAthlete ? t("empty.noneActiveTitle") : t("empty.title")}
      </h2>
      <p className="mx-auto mt-2 max-w-prose text-sm text-slate-600">
        {anyAthlete ? t("empty.noneActiveText") : t("empty.text")}
      </p>
      <div className="mt-4 flex flex-wrap justify-center gap-2">
        {anyAthlete ? null : (
          <Button icon={<PlusIcon />} onClick={() => goTo({ page: "athletes", add: true })}>
            {t("empty.add")}
          </Button>
        )}
        <Button variant={anyAthlete ? "primary" : "secondary"} icon={<UsersIcon />} onClick={() => goTo({ page: "athletes" })}>
          {t("empty.action")}
        </Button>
      </div>
    </section>
  );
}
