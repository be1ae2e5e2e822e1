import { CircleAlertIcon, CircleCheckIcon, CircleHelpIcon, ClockIcon } from "lucide-react";
import { useTranslation } from "react-i18next";
import { cn } from "../../components/ui/cn";
import { formatDate } from "../../lib/format";
import type { Athlete } from "../../types/bridge";
import { daysUntil, type Paper } from "./documents";

const TONES = {
  expired: { icon: CircleAlertIcon, className: "text-red-800", iconClassName: "text-red-700" },
  expiring: { icon: ClockIcon, className: "text-amber-900", iconClassName: "text-amber-700" },
  valid: { icon: CircleCheckIcon, className: "text-slate-700", iconClassName: "text-emerald-700" },
  missing: { icon: CircleHelpIcon, className: "text-slate-600", iconClassName: "text-slate-400" },
} as const;

/**
 * The licence and the medical certificate in plain words, under the athlete's name:
 * "Licence expired on 3 Mar 2026", "Medical certificate expires on 14 Jun 2026 (in 12 days)".
 * The date is the effective one Python worked out (the typed date or the newest document's).
 */
export function AthletePapers({ athlete }: { athlete: Athlete }) {
  const { t } = useTranslation("athletes");
  const licence = paperLine(athlete.licence, {
    expired: (date) => t("papers.licence.expired", { date }),
    expiring: (date, days) =>
      days === 0 ? t("papers.licence.expiresToday", { date }) : t("papers.licence.expiring", { date, days }),
    valid: (date) => t("papers.licence.valid", { date }),
    missing: () => t("papers.licence.missing"),
  });
  const medical = paperLine(athlete.medical, {
    expired: (date) => t("papers.medical.expired", { date }),
    expiring: (date, days) =>
      days === 0 ? t("papers.medical.expiresToday", { date }) : t("papers.medical.expiring", { date, days }),
    valid: (date) => t("papers.medical.valid", { date }),
    missing: () => t("papers.medical.missing"),
  });
  return (
    <ul aria-label={t("papers.label")} className="mt-2 space-y-1 text-sm" data-testid="athlete-papers">
      {[licence, medical].map(({ tone, text }) => {
        const { icon: Icon, className, iconClassName } = TONES[tone];
        return (
          <li key={text} className={cn("flex items-center gap-2", className)}>
            <Icon aria-hidden="true" size={16} strokeWidth={2} className={cn("shrink-0", iconClassName)} />
            {text}
          </li>
        );
      })}
    </ul>
  );
}

interface PaperWords {
  expired: (date: string) => string;
  expiring: (date: string, days: number) => string;
  valid: (date: string) => string;
  missing: () => string;
}

function paperLine(paper: Paper, words: PaperWords): { tone: keyof typeof TONES; text: string } {
  if (paper.validUntil === null || paper.state === null) return { tone: "missing", text: words.missing() };
  const date = formatDate(paper.validUntil);
  switch (paper.state) {
    case "expired":
      return { tone: "expired", text: words.expired(date) };
    case "expiring":
      // Python says which state it is (its today); the count of days is this computer's.
      return { tone: "expiring", text: words.expiring(date, Math.max(0, daysUntil(paper.validUntil))) };
    case "valid":
      return { tone: "valid", text: words.valid(date) };
  }
}
