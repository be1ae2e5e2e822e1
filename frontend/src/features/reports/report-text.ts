import type { ReportName } from "./reports-store";

/**
 * Each report's words in the `reports` catalog: literal keys, so the catalog test sees them
 * used. `name` is its button, `description` what it is for, `empty` what an empty one says.
 */
export const REPORT_TEXT = {
  roster: { name: "list.roster.name", description: "list.roster.description", empty: "table.empty.roster" },
  grading: { name: "list.grading.name", description: "list.grading.description", empty: "table.empty.grading" },
  promotions: {
    name: "list.promotions.name",
    description: "list.promotions.description",
    empty: "table.empty.promotions",
  },
  medals: { name: "list.medals.name", description: "list.medals.description", empty: "table.empty.medals" },
  papers: { name: "list.papers.name", description: "list.papers.description", empty: "table.empty.papers" },
} as const satisfies Record<ReportName, { name: string; description: string; empty: string }>;
