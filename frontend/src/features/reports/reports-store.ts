import type { Destination } from "../../lib/navigation";
import { todayIso } from "../../lib/format";
import { DEFAULT_FILTERS } from "../../lib/roster-filters";
import { createStore, useStore } from "../../lib/store";
import type { ReportRequest } from "../../types/bridge";

export type ReportName = ReportRequest["name"];

/** The reports in the order the page lists them. */
export const REPORT_NAMES: readonly ReportName[] = ["roster", "grading", "promotions", "medals", "papers"];

/**
 * What each report asks for when first opened: the roster's defaults and Python's default
 * columns; promotions from the first of January to today (what a registrar asks for at the
 * end of a season); this season's medals, by athlete; each in its own order.
 */
export function defaultRequest(name: ReportName, now: Date = new Date()): ReportRequest {
  const base: ReportRequest = {
    name,
    season: null,
    fromDate: null,
    toDate: null,
    filters: null,
    columns: [],
    newInSeason: false,
    groupBy: "athlete",
    sort: null,
    descending: false,
  };
  switch (name) {
    case "roster":
      return { ...base, filters: DEFAULT_FILTERS };
    case "promotions":
      return { ...base, fromDate: `${now.getFullYear()}-01-01`, toDate: todayIso(now) };
    case "medals":
      return { ...base, season: now.getFullYear() };
    case "grading":
    case "papers":
      return base;
  }
}

interface ReportsState {
  /** The report on screen. */
  current: ReportName;
  /** What each report was last asked for: switching between reports keeps each one's filters. */
  requests: Record<ReportName, ReportRequest>;
}

function initialState(): ReportsState {
  const requests = Object.fromEntries(REPORT_NAMES.map((name) => [name, defaultRequest(name)])) as Record<
    ReportName,
    ReportRequest
  >;
  return { current: "roster", requests };
}

/** Outlives the page: after a look at an athlete, the coach comes back to the same report. */
const store = createStore<ReportsState>(initialState());

export function useReportsState(): ReportsState {
  return useStore(store);
}

/** Show report `name`, as it was last asked for. */
export function chooseReport(name: ReportName): void {
  store.set({ current: name });
}

/** Changes what the report on screen asks for (a filter, the columns, the order). */
export function changeRequest(patch: Partial<Omit<ReportRequest, "name">>): void {
  const { current, requests } = store.get();
  store.set({ requests: { ...requests, [current]: { ...requests[current], ...patch } } });
}

/**
 * A link from another page (the dashboard's numbers): that report, showing exactly what the
 * link promised, over the report's defaults rather than over what the coach last chose.
 */
export function arriveAtReport(destination: Destination): void {
  if (destination.page !== "reports") return;
  const request = destination.request;
  if (!request) return;
  const { requests } = store.get();
  // A key the link leaves undefined keeps the default, rather than sending Python a hole.
  const given = Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
  const next: ReportRequest = { ...defaultRequest(request.name), ...given };
  store.set({ current: request.name, requests: { ...requests, [request.name]: next } });
}
