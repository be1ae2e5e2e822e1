import i18next from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import { firstScreen, keepLanguage } from "./first-screen";
import type common from "../locales/en/common.json";
import type athletes from "../locales/en/athletes.json";
import type backup from "../locales/en/backup.json";
import type restore from "../locales/en/restore.json";
import type rescue from "../locales/en/rescue.json";
import type rules from "../locales/en/rules.json";
import type settings from "../locales/en/settings.json";
import type clubs from "../locales/en/clubs.json";
import type tournaments from "../locales/en/tournaments.json";
import type imports from "../locales/en/imports.json";
import type reports from "../locales/en/reports.json";
import type dashboard from "../locales/en/dashboard.json";

/**
 * The page's words in every language, with i18next and ICU messages ("{count, plural, one
 * {# athlete} other {# athletes}}"): one catalog per feature (a namespace), and `common`
 * for the app's frame, the shared components and lib. English is the reference: its
 * catalogs give the keys their types, so `t("a.missing.key")` doesn't compile.
 *
 * The languages are Python's (`system.getLanguage`); their catalogs are found here by
 * folder, so adding a language adds no code. tests/unit/test_translations.py checks that
 * every language has every key, that no key is unused, and that both sides list the same
 * languages.
 */
const NAMESPACES = ["common", "athletes", "backup", "restore", "rescue", "rules", "settings", "clubs", "tournaments", "imports", "reports", "dashboard"] as const;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: {
      common: typeof common;
      athletes: typeof athletes;
      backup: typeof backup;
      restore: typeof restore;
      rescue: typeof rescue;
      rules: typeof rules;
      settings: typeof settings;
      clubs: typeof clubs;
      tournaments: typeof tournaments;
      imports: typeof imports;
      reports: typeof reports;
      dashboard: typeof dashboard;
    };
  }
}

/** The language the code's English is the reference of, and what a missing word falls back to. */
const SOURCE_LANGUAGE = "en";

const catalogs = import.meta.glob<Record<string, unknown>>("../locales/*/*.json", {
  eager: true,
  import: "default",
});

function resources(): Record<string, Record<string, Record<string, unknown>>> {
  const all: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, catalog] of Object.entries(catalogs)) {
    const [, code, file] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    if (!code || !file) continue;
    (all[code] ??= {})[file] = catalog;
  }
  return all;
}

/** The languages the page has catalogs for. */
const PAGE_LANGUAGES = Object.keys(resources());

/** The language to speak before Python answers: the coach's, as the page's address says
 * (`first-screen.ts`); else the browser's, which is the system's. */
function firstGuess(): { code: string; formats: string } {
  const told = firstScreen();
  if (told && PAGE_LANGUAGES.includes(told.language)) {
    return { code: told.language, formats: told.formats };
  }
  for (const tag of navigator.languages) {
    const code = tag.split("-")[0].toLowerCase();
    if (PAGE_LANGUAGES.includes(code)) return { code, formats: code };
  }
  return { code: SOURCE_LANGUAGE, formats: SOURCE_LANGUAGE };
}

const guessed = firstGuess();
/** The `Intl` locale of the language being spoken, e.g. "en-GB", "id-ID": Python's word
 * (its list, or the page's address). Without it, nothing the page shows has a number or a
 * date until Python answers. */
let formatsLocale = guessed.formats;

void i18next
  .use(ICU)
  .use(initReactI18next)
  .init({
    resources: resources(),
    lng: guessed.code,
    fallbackLng: SOURCE_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: "common",
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
document.documentElement.lang = i18next.language;

/**
 * Speak `code` from now on, its numbers and dates in `formats` ("id-ID"). Sets `<html
 * lang>`, which every bridge call sends to Python (so its messages come back in the same
 * language) and which screen readers read the page with.
 */
export function applyLanguage(code: string, formats: string): void {
  formatsLocale = formats;
  keepLanguage(code, formats);
  document.documentElement.lang = code;
  void i18next.changeLanguage(code);
}

/** The locale every number and date is formatted in. */
export function formatLocale(): string {
  return formatsLocale;
}

/** The language spoken now ("en", "id"). */
export function currentLanguage(): string {
  return i18next.language;
}

/** Translate outside React (lib's toasts): `translate("common:errors.generic")`. */
export const translate = i18next.t.bind(i18next);
