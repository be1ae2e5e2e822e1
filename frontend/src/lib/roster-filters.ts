import type { AthleteFilters } from "../types/bridge";

/**
 * The roster's filters when the coach has chosen none: every active athlete of this season,
 * by name. The roster starts from them, and a link to a filtered roster or a roster report
 * (the dashboard's numbers) is laid over them.
 */
export const DEFAULT_FILTERS: AthleteFilters = {
  search: "",
  sex: null,
  beltId: null,
  categoryId: null,
  weightClassId: null,
  clubId: null,
  papers: "all",
  status: "active",
  season: null,
  sort: "name",
  descending: false,
};
