import { todayIso } from "../../lib/format";
import type { Sex, TournamentCategory, TournamentResult } from "../../types/bridge";

/** The places a result select offers, in its order (Python's `'1' '2' '3' '5' '7' 'participated' 'dns'`). */
export const RESULTS = ["1", "2", "3", "5", "7", "participated", "dns"] as const satisfies readonly TournamentResult[];

/** Each result's words: literal keys, so the catalog test sees them used. */
export const RESULT_KEY = {
  "1": "results.first",
  "2": "results.second",
  "3": "results.third",
  "5": "results.fifth",
  "7": "results.seventh",
  participated: "results.participated",
  dns: "results.dns",
} as const satisfies Record<TournamentResult, string>;

/** A group's heading: "Women", "Men". */
export const SEX_GROUP_KEY = { F: "sex.women", M: "sex.men" } as const satisfies Record<Sex, string>;

/** True for the results that are a medal in the athlete's history. */
export function isMedal(result: TournamentResult | null): boolean {
  return result === "1" || result === "2" || result === "3";
}

/** "U18 Cadets": the club's own words, never translated. */
export function categoryLabel(category: Pick<TournamentCategory, "code" | "name">): string {
  return `${category.code} ${category.name}`;
}

/** True once the entry deadline's day is over. */
export function deadlinePassed(deadline: string | null, today: string = todayIso()): boolean {
  return deadline !== null && deadline < today;
}
