import { Building2Icon, PlusIcon } from "lucide-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Avatar } from "../../components/Avatar";
import { Button } from "../../components/ui/Button";
import { Card } from "../../components/ui/Card";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { api } from "../../lib/bridge";
import { publishClubs, reloadClubs, useClubs } from "../../lib/clubs";
import { notifyError, notifySuccess } from "../../lib/notify";
import { countWords } from "../../lib/record-counts";
import { useFocusAfterRender } from "../../lib/use-focus-after-render";
import type { Club } from "../../types/bridge";
import { ClubEditorDialog } from "./ClubEditorDialog";

/** "3 athletes": who belongs to the club now. */
const athletesOf = (club: Club) => countWords("athletes", club.athleteCount);

/** Settings → Clubs: the clubs athletes train at; add, edit (with a logo) and delete them. */
export function ClubsCard() {
  const { t } = useTranslation(["clubs", "common"]);
  const state = useClubs();
  const [editing, setEditing] = useState<Club | "new" | null>(null);
  const [toDelete, setToDelete] = useState<Club | null>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  // The club's Delete button goes with it: the keyboard carries on from "Add club".
  const focusAddButton = useFocusAfterRender(addButtonRef);

  const confirmDelete = async () => {
    if (!toDelete) return;
    try {
      publishClubs(await api().clubs.delete(toDelete.id));
      notifySuccess(t("deleted", { name: toDelete.name }));
      focusAddButton();
    } catch (err) {
      notifyError(err, t("deleteFailed", { name: toDelete.name }));
    }
    setToDelete(null);
  };

  return (
    <Card title={t("title")} icon={<Building2Icon />} description={t("description")}>
      {state.status === "loading" ? (
        <p className="text-sm text-slate-500">{t("common:status.loading")}</p>
      ) : state.status === "error" ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p className="text-red-700">{t("loadFailed", { message: state.message })}</p>
          <Button variant="secondary" size="sm" onClick={() => void reloadClubs()}>
            {t("common:actions.tryAgain")}
          </Button>
        </div>
      ) : (
        <>
          {state.value.clubs.length === 0 ? (
            <p className="text-sm text-slate-600">{t("empty")}</p>
          ) : (
            <ul aria-label={t("listLabel")} className="divide-y divide-slate-100">
              {state.value.clubs.map((club) => (
                <li key={club.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2.5">
                  <Avatar mediaId={club.logoId} name={club.name} shape="square" className="size-9 text-xs ring-1 ring-slate-200" />
                  <div className="min-w-36 flex-1">
                    <p className="text-sm font-medium text-slate-900">
                      {club.name}
                      {club.shortName ? (
                        <span className="ml-2 rounded-md bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700">
                          {club.shortName}
                        </span>
                      ) : null}
                    </p>
                    {club.city ? <p className="text-xs text-slate-600">{club.city}</p> : null}
                  </div>
                  <span className="w-24 text-right text-sm text-slate-600 tabular-nums">
                    {athletesOf(club)}
                  </span>
                  <div className="flex shrink-0 items-center gap-1">
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={t("edit", { name: club.name })}
                      onClick={() => setEditing(club)}
                    >
                      {t("common:actions.edit")}
                    </Button>
                    <Button
                      variant="ghostDanger"
                      size="sm"
                      aria-label={t("delete", { name: club.name })}
                      onClick={() => setToDelete(club)}
                    >
                      {t("common:actions.delete")}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-4 border-t border-slate-100 pt-4">
            <Button
              ref={addButtonRef}
              variant="secondary"
              icon={<PlusIcon size={16} strokeWidth={2.2} />}
              onClick={() => setEditing("new")}
            >
              {t("add")}
            </Button>
          </div>
        </>
      )}

      {editing !== null ? (
        <ClubEditorDialog club={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />
      ) : null}
      {toDelete ? (
        <ConfirmDialog
          title={t("confirmTitle", { name: toDelete.name })}
          confirmLabel={t("confirmButton")}
          onConfirm={confirmDelete}
          onCancel={() => setToDelete(null)}
        >
          <p>{t("confirmText", { count: toDelete.athleteCount })}</p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
