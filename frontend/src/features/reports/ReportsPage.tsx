import { AwardIcon, CircleArrowUpIcon, FileWarningIcon, MedalIcon, UsersIcon } from "lucide-react";
import { useCallback, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { cn } from "../../components/ui/cn";
import type { ReportRequest } from "../../types/bridge";
import { REPORT_TEXT } from "./report-text";
import { ReportActions } from "./ReportActions";
import { FILTER_FIELDS, ReportFilters } from "./ReportFilters";
import { changeRequest, chooseReport, REPORT_NAMES, useReportsState, type ReportName } from "./reports-store";
import { ReportTable } from "./ReportTable";
import { useReport } from "./use-report";

const ICONS: Record<ReportName, ReactNode> = {
  roster: <UsersIcon size={16} />,
  grading: <AwardIcon size={16} />,
  promotions: <CircleArrowUpIcon size={16} />,
  medals: <MedalIcon size={16} />,
  papers: <FileWarningIcon size={16} />,
};

/**
 * The reports a coach hands over: pick one, narrow it, see it as it will be saved, then save
 * it (PDF, CSV, XLSX) or print it. The whole page scrolls, the table's header staying on top.
 */
export function ReportsPage() {
  const { current, requests } = useReportsState();
  return (
    // The report takes the rest of the window and its table scrolls inside it; in a low
    // window the table keeps room for a dozen rows and the page scrolls instead.
    <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto overscroll-contain px-5 py-4 lg:px-10 lg:py-6">
      <ReportPicker current={current} />
      {/* Keyed by report: another report is a fresh panel, never the last one's rows. */}
      <ReportPanel key={current} request={requests[current]} />
    </div>
  );
}

/** The five reports, one of them on screen. */
function ReportPicker({ current }: { current: ReportName }) {
  const { t } = useTranslation("reports");
  return (
    <nav aria-label={t("list.label")}>
      <ul className="flex flex-wrap gap-2">
        {REPORT_NAMES.map((name) => {
          const active = name === current;
          return (
            <li key={name}>
              <button
                type="button"
                aria-current={active ? "true" : undefined}
                onClick={() => chooseReport(name)}
                className={cn(
                  "inline-flex min-h-10 items-center gap-2 rounded-lg px-3.5 py-2 text-sm font-medium transition-colors",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
                  active
                    ? "bg-blue-700 text-white shadow-sm"
                    : "bg-white text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 hover:text-slate-900",
                )}
              >
                <span aria-hidden="true">{ICONS[name]}</span>
                {t(REPORT_TEXT[name].name)}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

interface ReportPanelProps {
  request: ReportRequest;
}

/** One report: what it is for, its filters, Save and Print, then the report itself. */
function ReportPanel({ request }: ReportPanelProps) {
  const { t } = useTranslation("reports");
  const { view, shown, busy, error, fieldErrors, reload } = useReport(request);
  const text = REPORT_TEXT[request.name];
  const title = view?.title ?? t(text.name);
  // What Python refused that no filter shows (a sort key the report no longer has): said
  // below the report, which stays as it was.
  const otherProblems = Object.entries(fieldErrors)
    .filter(([field]) => !FILTER_FIELDS.includes(field))
    .map(([, problem]) => problem);

  // A header pressed again turns the order round; another starts ascending. Decided from
  // the order Python applied, which is what the headers show.
  const onSort = useCallback(
    (key: string) => changeRequest({ sort: key, descending: view?.sort === key ? !view.descending : false }),
    [view],
  );

  return (
    <section
      aria-labelledby="report-title"
      aria-busy={busy}
      className="flex flex-1 flex-col rounded-2xl border border-slate-200 bg-white shadow-sm"
    >
      <div className="flex shrink-0 flex-col gap-4 px-6 py-5">
        <div className="min-w-0 max-w-3xl">
          <h2 id="report-title" className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t(text.description)}</p>
        </div>
        <ReportFilters request={request} columns={view?.availableColumns ?? []} fieldErrors={fieldErrors} />
      </div>

      {view && view.details.length > 0 ? (
        <ul aria-label={t("table.details")} className="shrink-0 space-y-0.5 px-6 pb-3 text-sm text-slate-700">
          {view.details.map((line, index) => (
            // By place: two lines may read alike.
            <li key={index}>{line}</li>
          ))}
        </ul>
      ) : null}
      {view ? (
        <ReportTable view={view} busy={busy} resetKey={shown} empty={t(text.empty)} onSort={onSort} />
      ) : (
        <div className="flex-1" />
      )}

      <div className="flex shrink-0 flex-wrap items-center gap-3 border-t border-slate-200 px-6 py-3 text-sm">
        {/* Tests wait on this text: Python's own summary once the report is on screen. */}
        <p role="status" data-testid="report-summary" className="font-medium text-slate-700">
          {view ? view.summary : busy ? t("table.loading") : ""}
        </p>
        {otherProblems.length > 0 ? (
          <p role="alert" className="text-red-700">
            {otherProblems.join(" ")}
          </p>
        ) : null}
        {error ? (
          <>
            <p role="alert" className="text-red-700">
              {t("table.loadFailed", { error })}
            </p>
            <Button variant="secondary" size="sm" onClick={reload}>
              {t("table.tryAgain")}
            </Button>
          </>
        ) : null}
        {/* Below the report, in view however long it is: what is saved is what is above. */}
        <div className="ml-auto">
          <ReportActions request={shown} title={title} />
        </div>
      </div>
    </section>
  );
}
