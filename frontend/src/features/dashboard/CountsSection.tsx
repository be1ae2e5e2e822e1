import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Card } from "../../components/ui/Card";
import { formatCount } from "../../lib/format";
import type { Destination } from "../../lib/navigation";
import { DEFAULT_FILTERS } from "../../lib/roster-filters";
import type { AthleteFilters, Overview } from "../../types/bridge";
import type { ChartRow } from "./CountChart";
import { NumberLink } from "./NumberLink";

// Recharts is a chunk of its own, fetched once there are athletes to chart: the first script
// is that much smaller, and a new club's first screen never waits for it.
const CountChart = lazy(() => import("./CountChart").then((module) => ({ default: module.CountChart })));

/** The active athletes: how many, by sex, new this season, and the two charts. */
export function CountsSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation("dashboard");
  const season = overview.season;
  const roster = (filters: Partial<AthleteFilters>): Destination => ({
    page: "athletes",
    filters: { season, ...filters },
  });
  const categories: ChartRow[] = overview.byCategory.map((category) => ({
    key: `category-${category.categoryId}`,
    label: t("counts.category", { code: category.code, name: category.name }),
    count: category.count,
    to: roster({ categoryId: category.categoryId }),
  }));
  if (overview.noCategory > 0) {
    categories.push({ key: "no-category", label: t("counts.noCategory"), count: overview.noCategory, to: null });
  }
  const belts: ChartRow[] = overview.byBelt.map((belt) => ({
    key: `belt-${belt.beltId}`,
    label: belt.name,
    count: belt.count,
    to: roster({ beltId: belt.beltId }),
    color: belt.color,
  }));
  if (overview.noBelt > 0) {
    belts.push({ key: "no-belt", label: t("counts.noBelt"), count: overview.noBelt, to: null });
  }
  const tiles = [
    { key: "active", count: overview.active, label: t("counts.active", { count: overview.active }), to: roster({}) },
    { key: "female", count: overview.female, label: t("counts.female", { count: overview.female }), to: roster({ sex: "F" }) },
    { key: "male", count: overview.male, label: t("counts.male", { count: overview.male }), to: roster({ sex: "M" }) },
    {
      key: "new",
      count: overview.newInSeason,
      label: t("counts.new", { count: overview.newInSeason, season: String(season) }),
      to: {
        page: "reports",
        request: { name: "roster", newInSeason: true, filters: { ...DEFAULT_FILTERS, season } },
      } satisfies Destination,
    },
  ];
  const categoriesTitle = t("counts.byCategory", { season: String(season) });
  const beltsTitle = t("counts.byBelt");
  return (
    <>
      <section aria-labelledby="dashboard-counts" className="space-y-3">
        <h2 id="dashboard-counts" className="text-lg font-semibold text-slate-900">
          {t("counts.title", { season: String(season) })}
        </h2>
        <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {tiles.map((tile) => (
            <li key={tile.key}>
              <NumberLink
                to={tile.to}
                className="block h-full w-full rounded-2xl border border-slate-200 bg-white px-5 py-4 shadow-sm hover:border-blue-300 hover:no-underline"
              >
                <span className="block text-3xl font-semibold text-slate-900 tabular-nums">{formatCount(tile.count)}</span>
                <span className="mt-1 block text-sm text-slate-600">{tile.label}</span>
              </NumberLink>
            </li>
          ))}
        </ul>
      </section>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title={categoriesTitle} description={t("counts.byCategoryHint")}>
          <Suspense>
            <CountChart title={categoriesTitle} rows={categories} />
          </Suspense>
        </Card>
        <Card title={beltsTitle} description={t("counts.byBeltHint")}>
          <Suspense>
            <CountChart title={beltsTitle} rows={belts} />
          </Suspense>
        </Card>
      </div>
    </>
  );
}
