import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Card } from "../../components/ui/Card";
import { formatDate } from "../../lib/format";
import type { Destination } from "../../lib/navigation";
import type { Overview } from "../../types/bridge";
import { NumberLink } from "./NumberLink";

const PAPER_TEXT = {
  licence: { expired: "papers.licence.expired", expiring: "papers.licence.expiring" },
  medical: { expired: "papers.medical.expired", expiring: "papers.medical.expiring" },
} as const;

/** What needs the coach: gradings due, papers running out, entries closing. */
export function AttentionSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation("dashboard");
  const { grading, papers, deadlines } = overview;
  const gradingReport: Destination = { page: "reports", request: { name: "grading" } };
  const roster = (kind: "expired" | "expiring"): Destination => ({
    page: "athletes",
    filters: { papers: kind, season: overview.season },
  });
  return (
    <Card title={t("attention.title")} description={t("attention.description")}>
      <div className="space-y-6">
        <Part
          title={t("grading.title")}
          counts={[
            { count: grading.ready, label: t("grading.ready", { count: grading.ready }), to: gradingReport },
            { count: grading.soon, label: t("grading.soon", { count: grading.soon }), to: gradingReport },
          ]}
          empty={t("grading.none")}
        >
          {grading.first.map((line) => (
            <li key={line.athleteId} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5 text-sm">
              <NumberLink to={{ page: "athletes", athleteId: line.athleteId }} className="font-medium text-blue-700">
                {line.fullName}
              </NumberLink>
              <span className="text-slate-600">
                {line.ready
                  ? t("grading.lineReady", { belt: line.nextBeltName })
                  : t("grading.lineSoon", { belt: line.nextBeltName, date: formatDate(line.readyOn) })}
              </span>
            </li>
          ))}
        </Part>
        <Part
          title={t("papers.title")}
          counts={[
            { count: papers.expired, label: t("papers.expired", { count: papers.expired }), to: roster("expired") },
            { count: papers.expiring, label: t("papers.expiring", { count: papers.expiring }), to: roster("expiring") },
          ]}
          empty={t("papers.none")}
        >
          {papers.first.map((paper) => (
            <li
              key={`${paper.athleteId}-${paper.paper}`}
              className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5 text-sm"
            >
              <NumberLink to={{ page: "athletes", athleteId: paper.athleteId }} className="font-medium text-blue-700">
                {paper.fullName}
              </NumberLink>
              <span className={paper.state === "expired" ? "font-medium text-red-700" : "text-amber-800"}>
                {t(PAPER_TEXT[paper.paper][paper.state === "expired" ? "expired" : "expiring"], {
                  date: formatDate(paper.validUntil),
                })}
              </span>
            </li>
          ))}
        </Part>
        <div>
          <h3 className="text-sm font-semibold text-slate-800">{t("deadlines.title")}</h3>
          {deadlines.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{t("deadlines.none")}</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-100">
              {deadlines.map((deadline) => (
                <li
                  key={deadline.tournamentId}
                  className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5 text-sm"
                >
                  <NumberLink
                    to={{ page: "tournaments", tournamentId: deadline.tournamentId }}
                    className="font-medium text-blue-700"
                  >
                    {deadline.name}
                  </NumberLink>
                  <span className={deadline.daysLeft <= 3 ? "font-medium text-amber-800" : "text-slate-600"}>
                    {t("deadlines.closes", { days: deadline.daysLeft, date: formatDate(deadline.entryDeadline) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Card>
  );
}

interface PartProps {
  title: string;
  counts: { count: number; label: string; to: Destination }[];
  /** Said when every count is 0. */
  empty: string;
  /** The first few of those counted, as list items. */
  children: ReactNode;
}

function Part({ title, counts, empty, children }: PartProps) {
  const none = counts.every((c) => c.count === 0);
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      {none ? (
        <p className="mt-1 text-sm text-slate-600">{empty}</p>
      ) : (
        <>
          <ul className="mt-2 flex flex-wrap gap-2">
            {counts.map((c, index) => (
              <li key={index}>
                <NumberLink
                  to={c.to}
                  className="inline-block rounded-lg bg-slate-50 px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-200 hover:no-underline hover:ring-blue-300"
                >
                  {c.label}
                </NumberLink>
              </li>
            ))}
          </ul>
          <ul className="mt-2 divide-y divide-slate-100">{children}</ul>
        </>
      )}
    </div>
  );
}
