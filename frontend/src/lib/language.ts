import type { LanguageSettings } from "../types/bridge";
import { api } from "./bridge";
import { publish } from "./data-events";
import { applyLanguage, currentLanguage } from "./i18n";
import { createResource, useResource, type Loadable } from "./resource";

/** The coach's language choice and the languages to choose from, kept by Python. */
export const languageSettings = createResource<LanguageSettings>({
  load: async () => speak(await api().system.getLanguage()),
  staleOn: [],
});

export function useLanguageSettings(): Loadable<LanguageSettings> {
  return useResource(languageSettings);
}

/**
 * Speak what `settings` says from this moment: every screen redraws in it, and whatever
 * holds Python's text (its messages, record names) loads again in it.
 */
function speak(settings: LanguageSettings): LanguageSettings {
  const spoken = settings.languages.find((option) => option.code === settings.language);
  if (!spoken) return settings;
  const changed = spoken.code !== currentLanguage();
  applyLanguage(spoken.code, spoken.formats);
  if (changed) publish("language-changed");
  return settings;
}

/** Keep `choice` (a language's code, or "system") and speak it at once. */
export async function chooseLanguage(choice: string): Promise<void> {
  languageSettings.set(speak(await api().system.setLanguage(choice)));
}
