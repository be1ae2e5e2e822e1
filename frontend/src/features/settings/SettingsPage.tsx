import type { ReactNode } from "react";
import { AppInfoCard } from "./AppInfoCard";

interface SettingsPageProps {
  /** The backup card, composed in by the app shell (features don't import each other). */
  backupCard: ReactNode;
  /** Changes after each backup so the app details reload. */
  refreshKey: unknown;
}

export function SettingsPage({ backupCard, refreshKey }: SettingsPageProps) {
  return (
    <div className="space-y-6">
      {backupCard}
      <AppInfoCard refreshKey={refreshKey} />
    </div>
  );
}
