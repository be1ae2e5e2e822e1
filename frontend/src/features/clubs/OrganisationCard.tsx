import { BadgeCheckIcon } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Avatar } from "../../components/Avatar";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { controlClass, Field } from "../../components/ui/Field";
import { FormDialog } from "../../components/ui/FormDialog";
import { LogoMark } from "../../components/ui/LogoMark";
import { api } from "../../lib/bridge";
import { notifyError, notifySuccess } from "../../lib/notify";
import {
  memberIdExample,
  publishOrganisation,
  reloadOrganisation,
  useOrganisation,
  type OrganisationInput,
} from "../../lib/organisation";
import { useFormSubmit } from "../../lib/use-form-submit";
import type { Organisation } from "../../types/bridge";
import { applyLogoChange, KEEP_LOGO, type LogoChange } from "./logo-change";
import { LogoPicker } from "./LogoPicker";

/**
 * Settings → Organisation: who the app is branded for (a club, or a regional office with
 * several), its logo, and the prefix of the member IDs new athletes get.
 */
export function OrganisationCard() {
  const { t } = useTranslation(["clubs", "common"]);
  const state = useOrganisation();
  const [editing, setEditing] = useState(false);

  return (
    <Card title={t("organisation.title")} icon={<BadgeCheckIcon />} description={t("organisation.description")}>
      {state.status === "loading" ? (
        <p className="text-sm text-slate-500">{t("common:status.loading")}</p>
      ) : state.status === "error" ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p className="text-red-700">{t("organisation.loadFailed", { message: state.message })}</p>
          <Button variant="secondary" size="sm" onClick={() => void reloadOrganisation()}>
            {t("common:actions.tryAgain")}
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-x-5 gap-y-3">
          {/* As the sidebar shows it: the logo, else the app's mark. */}
          {state.value.logoId !== null ? (
            <Avatar
              mediaId={state.value.logoId}
              name={state.value.name ?? ""}
              shape="square"
              className="size-14 text-base ring-1 ring-slate-200"
            />
          ) : (
            <LogoMark className="size-14 shrink-0" />
          )}
          <dl className="grid min-w-48 flex-1 grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">
            <Detail label={t("organisation.name")}>
              {state.value.name ?? <span className="text-slate-500">{t("organisation.noName")}</span>}
            </Detail>
            <Detail label={t("organisation.memberIds")}>
              <span className="font-mono text-xs">{memberIdExample(state.value.memberIdPrefix)}</span>
            </Detail>
          </dl>
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t("organisation.edit")}
          </Button>
        </div>
      )}
      {editing && state.status === "loaded" ? (
        <OrganisationDialog organisation={state.value} onClose={() => setEditing(false)} />
      ) : null}
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 text-slate-900">{children}</dd>
    </div>
  );
}

interface OrganisationDialogProps {
  organisation: Organisation;
  onClose: () => void;
}

function OrganisationDialog({ organisation, onClose }: OrganisationDialogProps) {
  const { t } = useTranslation("clubs");
  const idPrefix = useId();
  const [name, setName] = useState(organisation.name ?? "");
  const [prefix, setPrefix] = useState(organisation.memberIdPrefix);
  const [logo, setLogo] = useState<LogoChange>(KEEP_LOGO);
  const form = useFormSubmit({
    // Python checks the prefix (its length, its characters) and has the only word.
    check: () => ({}),
    save: async () => {
      const input: OrganisationInput = { name: name.trim() || null, memberIdPrefix: prefix.trim() };
      publishOrganisation(await api().clubs.updateOrganisation(input));
      try {
        const withLogo = await applyLogoChange(
          logo,
          (token) => api().clubs.setOrganisationLogo(token),
          () => api().clubs.removeOrganisationLogo(),
        );
        if (withLogo) publishOrganisation(withLogo);
      } catch (err) {
        // The name and prefix are saved: say what wasn't, and close.
        notifyError(err, t("organisation.logoFailed"));
      }
      notifySuccess(t("organisation.saved"));
      onClose();
    },
    failTitle: t("organisation.saveFailed"),
  });
  const { errors, clear } = form;
  const example = memberIdExample(prefix.trim());

  return (
    <FormDialog
      title={t("organisation.editTitle")}
      description={t("organisation.editDescription")}
      width="md"
      form={form}
      saveLabel={t("organisation.save")}
      onClose={onClose}
      bodyClassName="grid grid-cols-2 gap-x-5 gap-y-4"
    >
      <Field
        idPrefix={idPrefix}
        name="name"
        label={t("organisation.name")}
        error={errors.name}
        hint={t("organisation.nameHint")}
        className="col-span-2"
      >
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="organization"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              clear("name");
            }}
            className={controlClass}
          />
        )}
      </Field>
      <Field
        idPrefix={idPrefix}
        name="memberIdPrefix"
        label={t("organisation.prefix")}
        error={errors.memberIdPrefix}
        hint={t("organisation.prefixHint", { example })}
        className="col-span-2"
      >
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={prefix}
            onChange={(event) => {
              setPrefix(event.target.value);
              clear("memberIdPrefix");
            }}
            className={`${controlClass} max-w-48 font-mono`}
          />
        )}
      </Field>
      <LogoPicker
        logoId={organisation.logoId}
        name={name.trim() || organisation.name || ""}
        change={logo}
        onChange={setLogo}
        disabled={form.saving}
      />
    </FormDialog>
  );
}
