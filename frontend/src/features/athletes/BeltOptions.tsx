import type { RuleIndex } from "../../lib/use-rules";

/** The club's belts as a select's options, lowest first; none until the rules have loaded. */
export function BeltOptions({ rules }: { rules: RuleIndex | null }) {
  return rules?.rules.belts.map((belt) => (
    <option key={belt.id} value={belt.id}>
      {belt.name}
    </option>
  ));
}
