import type { JudoManagerApi, Organisation } from "../types/bridge";
import { api } from "./bridge";
import { publish } from "./data-events";
import { createResource, useResource, type Loadable } from "./resource";

/** What the branding form sends, as `clubs.updateOrganisation` takes it. */
export type OrganisationInput = Parameters<JudoManagerApi["clubs"]["updateOrganisation"]>[0];

/**
 * Who the app is branded for (its name and logo, in the sidebar and on PDFs) and the prefix
 * of new member IDs. Every change answers the organisation as it is now, which
 * `publishOrganisation` makes what every screen shows; it lives in the data, so a restore or
 * an undo changes it. The sidebar keeps what it shows when a reload fails.
 */
const organisation = createResource<Organisation>({
  load: () => api().clubs.getOrganisation(),
  staleOn: ["data-replaced"],
  keepOnError: true,
});

/** Makes `changed` (as a change returned it) what every screen shows, and tells the others. */
export function publishOrganisation(changed: Organisation): void {
  organisation.set(changed);
  publish("organisation-changed");
}

/** Asks Python again ("Try again"). */
export function reloadOrganisation(): Promise<void> {
  return organisation.reload();
}

export function useOrganisation(): Loadable<Organisation> {
  return useResource(organisation);
}

/** How many digits a generated member ID counts with: "BJC-001". */
const MEMBER_NUMBER_DIGITS = 3;

/**
 * The first member ID a prefix gives, "BJC-001" for "BJC-", for the branding form to show
 * what its prefix means. Python generates the real ones (athletes.nextMemberId).
 */
export function memberIdExample(prefix: string): string {
  return `${prefix}${"1".padStart(MEMBER_NUMBER_DIGITS, "0")}`;
}
