import { LanguagesIcon } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Card } from "../../components/ui/Card";
import { chooseLanguage, useLanguageSettings } from "../../lib/language";
import { notifyError } from "../../lib/notify";

/** The "system" choice: whatever the computer's language is, at every start. */
const SYSTEM_CHOICE = "system";

/** Settings → Language: English, Bahasa Indonesia, or the system's; applies at once. */
export function LanguageCard() {
  const { t } = useTranslation("settings");
  const settings = useLanguageSettings();
  const [saving, setSaving] = useState(false);
  const selectId = useId();

  const choose = async (choice: string) => {
    setSaving(true);
    try {
      await chooseLanguage(choice);
    } catch (err) {
      notifyError(err, t("language.failed"));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t("language.title")} icon={<LanguagesIcon />} description={t("language.description")}>
      {settings.status === "loaded" ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <label htmlFor={selectId} className="font-medium text-slate-700">
            {t("language.label")}
          </label>
          <select
            id={selectId}
            value={settings.value.choice}
            disabled={saving}
            onChange={(event) => void choose(event.target.value)}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 focus:border-blue-600 focus:ring-2 focus:ring-blue-600/30 focus:outline-none"
          >
            <option value={SYSTEM_CHOICE}>
              {t("language.system", {
                name: settings.value.languages.find((option) => option.code === settings.value.system)?.name ?? "",
              })}
            </option>
            {settings.value.languages.map((option) => (
              <option key={option.code} value={option.code} lang={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      ) : settings.status === "error" ? (
        <p className="text-sm text-red-700">{settings.message}</p>
      ) : null}
    </Card>
  );
}
