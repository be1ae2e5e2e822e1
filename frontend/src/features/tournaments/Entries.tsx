import { AlertTriangleIcon, CheckCircle2Icon, FilterIcon, UserPlusIcon, UsersIcon } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { api } from "../../lib/bridge";
import { formatDate, todayIso } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import { useRuleIndex } from "../../lib/use-rules";
import type { Entry, Sex, Tournament, TournamentCategory } from "../../types/bridge";
import { AthletePicker } from "./AthletePicker";
import { EntryTable, type ClassGroup, type EntryActions, type EntryControl } from "./EntryTable";
import { categoryLabel, isMedal, RESULT_KEY, SEX_GROUP_KEY, weightClassFor } from "./tournament-text";
import type { TournamentChange } from "./tournaments-store";
import { useStableItems } from "./use-stable-items";

interface SexGroup {
  sex: Sex;
  classes: ClassGroup[];
  count: number;
}

interface CategoryGroup {
  key: string;
  category: TournamentCategory | null;
  sexes: SexGroup[];
  count: number;
}

const RESULTS_LATER_ID = "entries-results-later";

/** Where the focus goes once the answer to a change is drawn: the row may have moved group. */
type FocusTarget = { entryId: number; control: EntryControl } | "add";

/**
 * The entries, grouped as the entry sheet groups them (age category, then sex, then weight
 * class in ladder order), the count of those that need attention with a filter to show only
 * them, and "Add athletes".
 */
export function Entries({ tournament, change }: { tournament: Tournament; change: TournamentChange }) {
  const { t } = useTranslation("tournaments");
  const rules = useRuleIndex();
  const entries = useStableItems(tournament.entries);
  const categories = useStableItems(tournament.categories);
  const [onlyAttention, setOnlyAttention] = useState(false);
  const [picking, setPicking] = useState(false);
  const [removing, setRemoving] = useState<Entry | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const focusTarget = useRef<FocusTarget | null>(null);
  const id = tournament.id;

  const categoryById = useMemo(() => new Map(categories.map((category) => [category.id, category])), [categories]);
  const entered = useMemo(() => new Set(entries.map((entry) => entry.athleteId)), [entries]);
  const shown = useMemo(
    () => (onlyAttention ? entries.filter((entry) => entry.conflicts.length > 0) : entries),
    [entries, onlyAttention],
  );
  const groups = useMemo(() => groupEntries(shown, categoryById), [shown, categoryById]);

  // A changed entry may be drawn in another group (a new row): the focus follows it there,
  // unless the coach has moved on to something else meanwhile.
  useEffect(() => {
    const target = focusTarget.current;
    if (target === null) return;
    const active = document.activeElement;
    const lost = active === null || active === document.body || !active.isConnected;
    if (!lost && target !== "add") {
      focusTarget.current = null;
      return;
    }
    focusTarget.current = null;
    const control =
      target === "add"
        ? null
        : sectionRef.current?.querySelector<HTMLElement>(`[data-entry-id="${target.entryId}"] [data-control="${target.control}"]`);
    (control ?? addRef.current)?.focus();
  }, [groups]);

  const update = useCallback(
    async (entry: Entry, patch: { categoryId?: number | null; weightClassId?: number | null; weighInKg?: number | null }, control: EntryControl) => {
      focusTarget.current = { entryId: entry.id, control };
      await change(() =>
        api().tournaments.updateEntry(id, entry.id, {
          categoryId: patch.categoryId === undefined ? entry.categoryId : patch.categoryId,
          weightClassId: patch.weightClassId === undefined ? entry.weightClassId : patch.weightClassId,
          weighInKg: patch.weighInKg === undefined ? entry.weighInKg : patch.weighInKg,
        }),
      );
    },
    [id, change],
  );

  const actions = useMemo<EntryActions>(
    () => ({
      category: (entry, categoryId) => {
        // The class follows: the one the athlete's weight falls in within the new category.
        const category = categoryId === null ? undefined : categoryById.get(categoryId);
        const weightClass = category ? weightClassFor(category.weightClasses, entry.sex, entry.weightKg) : null;
        update(entry, { categoryId, weightClassId: weightClass?.id ?? null }, "category").catch((err: unknown) =>
          notifyError(err, t("entries.changeFailed", { name: entry.fullName })),
        );
      },
      weightClass: (entry, weightClassId) => {
        update(entry, { weightClassId }, "weightClass").catch((err: unknown) =>
          notifyError(err, t("entries.changeFailed", { name: entry.fullName })),
        );
      },
      weighIn: (entry, weighInKg) => {
        // A class that followed the weight follows the new one; one the coach chose stays.
        const category = entry.categoryId === null ? undefined : categoryById.get(entry.categoryId);
        const classes = category?.weightClasses ?? [];
        const followed = weightClassFor(classes, entry.sex, entry.weightKg)?.id ?? null;
        const patch: { weighInKg: number | null; weightClassId?: number | null } = { weighInKg };
        if (category && entry.weightClassId === followed) {
          patch.weightClassId = weightClassFor(classes, entry.sex, weighInKg ?? entry.rosterWeightKg)?.id ?? null;
        }
        return update(entry, patch, "weighIn");
      },
      result: (entry, result) => {
        focusTarget.current = { entryId: entry.id, control: "result" };
        change(() => api().tournaments.setResult(id, entry.id, result), { medals: isMedal(entry.result) || isMedal(result) }).then(
          () => {
            if (isMedal(result)) notifySuccess(t("entries.medalAdded", { name: entry.fullName, result: t(RESULT_KEY[result ?? "1"]) }));
          },
          (err: unknown) => notifyError(err, t("entries.resultFailed", { name: entry.fullName })),
        );
      },
      remove: (entry) => {
        if (entry.result !== null) {
          setRemoving(entry);
          return;
        }
        void removeRef.current(entry);
      },
    }),
    [categoryById, update, change, id, t],
  );

  const removeEntry = async (entry: Entry) => {
    // The next row's remove button, so the keyboard can carry on down the list.
    const index = shown.findIndex((candidate) => candidate.id === entry.id);
    const next = shown[index + 1] ?? shown[index - 1];
    try {
      await change(() => api().tournaments.removeEntries(id, [entry.id]), { medals: entry.medalId !== null });
    } catch (err) {
      notifyError(err, t("entries.removeFailed", { name: entry.fullName }));
      return;
    }
    focusTarget.current = next ? { entryId: next.id, control: "remove" } : "add";
    setRemoving(null);
    notifySuccess(t("entries.removed", { name: entry.fullName }));
  };

  // The actions stay the same object between answers (the rows are memoized); this one
  // reads the list as it is when the coach presses Remove.
  const removeRef = useRef(removeEntry);
  removeRef.current = removeEntry;

  const addAthletes = async (athleteIds: number[]) => {
    let added = 0;
    let skipped = 0;
    await change(async () => {
      const answer = await api().tournaments.addEntries(id, athleteIds);
      added = answer.added;
      skipped = answer.skipped;
      return answer.tournament;
    });
    setPicking(false);
    notifySuccess(
      t("entries.added", { count: added }),
      skipped > 0 ? t("entries.skipped", { count: skipped }) : undefined,
    );
  };

  const attention = tournament.conflictCount;
  // Python refuses a result before the first day; the selects say so before the coach tries.
  const resultsOpen = tournament.startsOn <= todayIso();

  return (
    <section ref={sectionRef} aria-labelledby="entries-title" className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-100 px-6 py-5">
        <div className="flex min-w-0 items-start gap-4">
          <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-blue-50 text-blue-700">
            <UsersIcon />
          </span>
          <div className="min-w-0">
            <h2 id="entries-title" className="text-base font-semibold text-slate-900">
              {t("entries.title")} <span className="font-normal text-slate-500">{t("entries.count", { count: entries.length })}</span>
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("entries.text", { year: tournament.ageYear })}</p>
            {resultsOpen ? null : (
              <p id={RESULTS_LATER_ID} className="mt-1 text-sm text-slate-600">
                {t("entries.resultsLater", { date: formatDate(tournament.startsOn) })}
              </p>
            )}
          </div>
        </div>
        <Button ref={addRef} icon={<UserPlusIcon size={16} />} onClick={() => setPicking(true)}>
          {t("entries.add")}
        </Button>
      </div>

      {entries.length > 0 ? (
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-6 py-3 text-sm">
          <p role="status" data-testid="attention-count" className={attention > 0 ? "flex items-center gap-1.5 font-medium text-amber-900" : "flex items-center gap-1.5 text-emerald-800"}>
            {attention > 0 ? <AlertTriangleIcon aria-hidden="true" size={16} /> : <CheckCircle2Icon aria-hidden="true" size={16} />}
            {attention > 0 ? t("entries.attention", { count: attention }) : t("entries.noAttention")}
          </p>
          {attention > 0 || onlyAttention ? (
            <Button
              variant={onlyAttention ? "primary" : "secondary"}
              size="sm"
              icon={<FilterIcon size={16} />}
              aria-pressed={onlyAttention}
              onClick={() => setOnlyAttention((only) => !only)}
            >
              {t("entries.onlyAttention")}
            </Button>
          ) : null}
        </div>
      ) : null}

      {entries.length === 0 ? (
        <div className="px-6 py-10 text-center">
          <h3 className="text-base font-semibold text-slate-900">{t("entries.empty.title")}</h3>
          <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">{t("entries.empty.text")}</p>
        </div>
      ) : groups.length === 0 ? (
        <p className="px-6 py-8 text-center text-sm text-slate-600">{t("entries.noneNeedAttention")}</p>
      ) : (
        <div className="space-y-8 px-6 py-5">
          {groups.map((group) => (
            <section
              key={group.key}
              aria-labelledby={`category-${group.key}`}
              // Drawn only once near the screen: a big tournament's groups cost nothing off-screen.
              className="[contain-intrinsic-size:auto_40rem] [content-visibility:auto]"
            >
              <h3 id={`category-${group.key}`} className="text-base font-semibold text-slate-900">
                {group.category ? categoryLabel(group.category) : t("entries.noCategory")}{" "}
                <span className="font-normal text-slate-500">{t("entries.count", { count: group.count })}</span>
              </h3>
              {group.sexes.map((sexGroup) => (
                <div key={sexGroup.sex} className="mt-4">
                  <h4 className="text-sm font-semibold text-slate-800">
                    {t(SEX_GROUP_KEY[sexGroup.sex])}{" "}
                    <span className="font-normal text-slate-500">{t("entries.count", { count: sexGroup.count })}</span>
                  </h4>
                  <EntryTable
                    caption={t("entries.tableCaption", {
                      category: group.category ? categoryLabel(group.category) : t("entries.noCategory"),
                      sex: t(SEX_GROUP_KEY[sexGroup.sex]),
                    })}
                    classes={sexGroup.classes}
                    categories={categories}
                    categoryById={categoryById}
                    rules={rules}
                    actions={actions}
                    resultsClosedBy={resultsOpen ? undefined : RESULTS_LATER_ID}
                  />
                </div>
              ))}
            </section>
          ))}
        </div>
      )}

      {picking ? (
        <AthletePicker
          tournamentName={tournament.name}
          season={tournament.ageYear}
          entered={entered}
          onAdd={addAthletes}
          onClose={() => setPicking(false)}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t("entries.removeTitle", { name: removing.fullName })}
          confirmLabel={t("entries.removeConfirm")}
          onConfirm={() => removeEntry(removing)}
          onCancel={() => setRemoving(null)}
        >
          {removing.medalId !== null
            ? t("entries.removeWithMedal", { result: t(RESULT_KEY[removing.result ?? "1"]) })
            : t("entries.removeWithResult", { result: t(RESULT_KEY[removing.result ?? "participated"]) })}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/**
 * Category, then sex, then weight class, in the order Python sent the entries (the sheet's
 * order); an entry whose category or class isn't among the copied ones (odd data from a
 * restored backup) is grouped under "no category" or "no weight class", never dropped.
 */
function groupEntries(entries: readonly Entry[], categoryById: ReadonlyMap<number, TournamentCategory>): CategoryGroup[] {
  const groups = new Map<string, CategoryGroup>();
  for (const entry of entries) {
    const category = entry.categoryId === null ? null : (categoryById.get(entry.categoryId) ?? null);
    const categoryKey = category ? String(category.id) : "none";
    let group = groups.get(categoryKey);
    if (!group) {
      group = { key: categoryKey, category, sexes: [], count: 0 };
      groups.set(categoryKey, group);
    }
    group.count += 1;
    let sexGroup = group.sexes.find((candidate) => candidate.sex === entry.sex);
    if (!sexGroup) {
      sexGroup = { sex: entry.sex, classes: [], count: 0 };
      group.sexes.push(sexGroup);
    }
    sexGroup.count += 1;
    const weightClass = category?.weightClasses.find((candidate) => candidate.id === entry.weightClassId) ?? null;
    const classKey = weightClass ? String(weightClass.id) : "none";
    let classGroup = sexGroup.classes.find((candidate) => candidate.key === classKey);
    if (!classGroup) {
      classGroup = { key: classKey, weightClass, entries: [] };
      sexGroup.classes.push(classGroup);
    }
    classGroup.entries.push(entry);
  }
  const all = [...groups.values()];
  // The entries without a category come last, whatever order they arrived in.
  return [...all.filter((group) => group.category), ...all.filter((group) => !group.category)];
}
