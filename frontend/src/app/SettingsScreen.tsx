import { BackupCard } from "../features/backup/BackupCard";
import { RestoreCard } from "../features/restore/RestoreCard";
import { OrganisationCard } from "../features/clubs/OrganisationCard";
import { ClubsCard } from "../features/clubs/ClubsCard";
import { BeltsCard } from "../features/rules/BeltsCard";
import { CategoriesCard } from "../features/rules/CategoriesCard";
import { SettingsPage } from "../features/settings/SettingsPage";

/**
 * Settings gathers other features' cards; composed here, since features don't import each
 * other. A module of its own: the page registry loads it when it is first shown.
 */
export function SettingsScreen() {
  return (
    <SettingsPage>
      <BackupCard />
      <RestoreCard />
      <OrganisationCard />
      <ClubsCard />
      <BeltsCard />
      <CategoriesCard />
    </SettingsPage>
  );
}
