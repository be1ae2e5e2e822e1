import type { ReactNode } from "react";
import { AppInfoCard } from "./AppInfoCard";

interface SettingsPageProps {
  /** The backup card, composed in by the app shell (features don't import each other). */
  backupCard: ReactNode;
  /** The restore card, shown right below the backup card. */
  restoreCard: ReactNode;
  /** The belt ladder editor. */
  beltsCard: ReactNode;
  /** The age categories editor. */
  categoriesCard: ReactNode;
  /** Changes after each backup so the app details reload. */
  refreshKey: unknown;
}

export function SettingsPage({
  backupCard,
  restoreCard,
  beltsCard,
  categoriesCard,
  refreshKey,
}: SettingsPageProps) {
  return (
    <div className="space-y-6">
      {backupCard}
      {restoreCard}
      {beltsCard}
      {categoriesCard}
      <AppInfoCard refreshKey={refreshKey} />
    </div>
  );
}
