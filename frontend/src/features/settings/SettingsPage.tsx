import type { ReactNode } from "react";
import { AppInfoCard } from "./AppInfoCard";
import { LanguageCard } from "./LanguageCard";

interface SettingsPageProps {
  /**
   * The other features' cards (backup, restore, belts, age categories), composed in by the
   * app's page registry: features don't import each other.
   */
  children: ReactNode;
}

/** Settings: the cards it is given, then the details about this installation. */
export function SettingsPage({ children }: SettingsPageProps) {
  return (
    <div className="space-y-6">
      {children}
      <LanguageCard />
      <AppInfoCard />
    </div>
  );
}
