import { AlertTriangleIcon, CheckCircle2Icon, FilterIcon, SearchIcon, UserPlusIcon, UsersIcon } from "lucide-react";
import { useCallback, useMemo, useRef, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/ui/Button";
import { ConfirmDialog } from "../../components/ui/ConfirmDialog";
import { api } from "../../lib/bridge";
import { formatDate, todayIso } from "../../lib/format";
import { notifyError, notifySuccess } from "../../lib/notify";
import { useFocusAfterRender } from "../../lib/use-focus-after-render";
import { useRuleIndex } from "../../lib/use-rules";
import type { Entry, EntryFields, Tournament, TournamentCategory } from "../../types/bridge";
import { AthletePicker } from "./AthletePicker";
import { EntryList, type EntryActions, type EntryControl, type EntryItem, type FocusRequest } from "./EntryList";
import { isMedal, RESULT_KEY } from "./tournament-text";
import type { TournamentChange } from "./tournaments-store";
import { useStableItems } from "./use-stable-items";

const RESULTS_LATER_ID = "entries-results-later";

interface EntriesProps {
  tournament: Tournament;
  change: TournamentChange;
  /** The page's scroll box, which the list scrolls with. */
  scrollerRef: RefObject<HTMLElement | null>;
}

/** Python refuses longer searches elsewhere; no name is that long. */
const MAX_FIND_LENGTH = 100;

/**
 * The entries, grouped as the entry sheet groups them (age category, then sex, then weight
 * class in ladder order), the count of those that need attention with a filter to show only
 * them, and "Add athletes".
 */
export function Entries({ tournament, change, scrollerRef }: EntriesProps) {
  const { t } = useTranslation("tournaments");
  const rules = useRuleIndex();
  const entries = useStableItems(tournament.entries);
  const categories = useStableItems(tournament.categories);
  const [onlyAttention, setOnlyAttention] = useState(false);
  const [find, setFind] = useState("");
  const [picking, setPicking] = useState(false);
  const [removing, setRemoving] = useState<Entry | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusRequest = useRef<FocusRequest | null>(null);
  const focusAdd = useFocusAfterRender(addRef);

  const categoryById = useMemo(() => new Map(categories.map((category) => [category.id, category])), [categories]);
  const entered = useMemo(() => new Set(entries.map((entry) => entry.athleteId)), [entries]);
  // Each entry's name and member ID as a search compares them, worked out once per answer.
  const searchText = useMemo(
    () => new Map(entries.map((entry) => [entry.id, searchable(`${entry.fullName} ${entry.memberId ?? ""}`)])),
    [entries],
  );
  const shown = useMemo(() => {
    const wanted = searchable(find.trim());
    return entries.filter(
      (entry) => (!onlyAttention || entry.conflicts.length > 0) && (wanted === "" || (searchText.get(entry.id) ?? "").includes(wanted)),
    );
  }, [entries, onlyAttention, find, searchText]);
  const items = useMemo(() => entryItems(shown, categoryById), [shown, categoryById]);

  /**
   * Changes an entry from its fields as the last answer left them (not as this row drew them:
   * a change may still be on its way); `patch` works out the new ones from those.
   */
  const update = useCallback(
    async (entry: Entry, patch: (latest: Entry, category: TournamentCategory | undefined) => Partial<EntryFields>, control: EntryControl) => {
      focusRequest.current = { entryId: entry.id, control };
      await change((tournament) => {
        const latest = tournament.entries.find((candidate) => candidate.id === entry.id) ?? entry;
        const category = tournament.categories.find((candidate) => candidate.id === latest.categoryId);
        const fields: EntryFields = {
          categoryId: latest.categoryId,
          weightClassId: latest.weightClassId,
          weighInKg: latest.weighInKg,
          followWeight: false,
          ...patch(latest, category),
        };
        return api().tournaments.updateEntry(tournament.id, entry.id, fields);
      });
    },
    [change],
  );

  const actions = useMemo<EntryActions>(() => {
    const failed = (entry: Entry) => (err: unknown) => notifyError(err, t("entries.changeFailed", { name: entry.fullName }));
    return {
      category: (entry, categoryId) => {
        update(
          entry,
          // The class follows: Python puts the weight in the new category's ladder.
          () => ({ categoryId, weightClassId: null, followWeight: true }),
          "category",
        ).catch(failed(entry));
      },
      weightClass: (entry, weightClassId) => {
        update(entry, () => ({ weightClassId }), "weightClass").catch(failed(entry));
      },
      weighIn: (entry, weighInKg) =>
        update(
          entry,
          (latest, category) => {
            // A class that followed the weight follows the new one (Python picks it); one the
            // coach chose stays.
            if (!category || latest.weightClassId !== latest.suggestedWeightClassId) return { weighInKg };
            return { weighInKg, followWeight: true };
          },
          "weighIn",
        ),
      result: (entry, result) => {
        focusRequest.current = { entryId: entry.id, control: "result" };
        // A medal may come, change or go with any result: the athletes' pages hear of it.
        change((tournament) => api().tournaments.setResult(tournament.id, entry.id, result), { medals: true }).then(
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
    };
  }, [update, change, t]);

  const removeEntry = async (entry: Entry) => {
    // The next row's remove button, so the keyboard can carry on down the list.
    const index = shown.findIndex((candidate) => candidate.id === entry.id);
    const next = shown[index + 1] ?? shown[index - 1];
    try {
      await change((tournament) => api().tournaments.removeEntries(tournament.id, [entry.id]), { medals: entry.medalId !== null });
    } catch (err) {
      notifyError(err, t("entries.removeFailed", { name: entry.fullName }));
      return;
    }
    if (next) focusRequest.current = { entryId: next.id, control: "remove" };
    else focusAdd();
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
    await change(async (tournament) => {
      const answer = await api().tournaments.addEntries(tournament.id, athleteIds);
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
    <section aria-labelledby="entries-title" className="min-w-[56rem] rounded-2xl border border-slate-200 bg-white shadow-sm">
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
          <div className="relative ml-auto w-64">
            <label htmlFor="entries-find" className="sr-only">
              {t("entries.findLabel")}
            </label>
            <SearchIcon aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
            <input
              id="entries-find"
              type="search"
              autoComplete="off"
              spellCheck={false}
              maxLength={MAX_FIND_LENGTH}
              placeholder={t("entries.findPlaceholder")}
              value={find}
              onChange={(event) => setFind(event.target.value)}
              className="block h-9 w-full rounded-lg border-0 bg-white py-1.5 pr-3 pl-9 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-blue-600 focus:outline-none"
            />
          </div>
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
      ) : items.length === 0 ? (
        <p className="px-6 py-8 text-center text-sm text-slate-600">
          {onlyAttention && find.trim() === "" ? t("entries.noneNeedAttention") : t("entries.noneFound")}
        </p>
      ) : (
        <div className="px-3 pt-2 pb-4">
          <EntryList
            items={items}
            categories={categories}
            rules={rules}
            actions={actions}
            scrollerRef={scrollerRef}
            focusRequest={focusRequest}
            resultsClosedBy={resultsOpen ? undefined : RESULTS_LATER_ID}
          />
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
 * The lines of the list: category, then sex, then weight class headings, each followed by
 * its entries (and what needs attention in each), in the order Python sent them (the sheet's
 * order). An entry whose category or class isn't among the copied ones (odd data from a
 * restored backup) is listed under "no age category" or "no weight class", never dropped.
 */
function entryItems(entries: readonly Entry[], categoryById: ReadonlyMap<number, TournamentCategory>): EntryItem[] {
  type ClassGroup = { key: string; head: EntryItem & { kind: "class" }; entries: Entry[] };
  type SexGroup = { head: EntryItem & { kind: "sex" }; classes: Map<string, ClassGroup> };
  type CategoryGroup = { head: EntryItem & { kind: "category" }; category: TournamentCategory | undefined; sexes: Map<string, SexGroup> };
  const groups = new Map<string, CategoryGroup>();
  for (const entry of entries) {
    const category = entry.categoryId === null ? undefined : categoryById.get(entry.categoryId);
    const categoryKey = category ? String(category.id) : "none";
    let group = groups.get(categoryKey);
    if (!group) {
      group = { head: { kind: "category", key: `c-${categoryKey}`, category: category ?? null, count: 0 }, category, sexes: new Map() };
      groups.set(categoryKey, group);
    }
    group.head.count += 1;
    const sexKey = `${categoryKey}-${entry.sex}`;
    let sexGroup = group.sexes.get(sexKey);
    if (!sexGroup) {
      sexGroup = { head: { kind: "sex", key: `s-${sexKey}`, sex: entry.sex, count: 0 }, classes: new Map() };
      group.sexes.set(sexKey, sexGroup);
    }
    sexGroup.head.count += 1;
    const weightClass = category?.weightClasses.find((candidate) => candidate.id === entry.weightClassId) ?? null;
    const classKey = `${sexKey}-${weightClass ? weightClass.id : "none"}`;
    let classGroup = sexGroup.classes.get(classKey);
    if (!classGroup) {
      classGroup = { key: classKey, head: { kind: "class", key: `w-${classKey}`, weightClass, count: 0 }, entries: [] };
      sexGroup.classes.set(classKey, classGroup);
    }
    classGroup.head.count += 1;
    classGroup.entries.push(entry);
  }
  const all = [...groups.values()];
  // The entries without a category come last, whatever order they arrived in.
  const ordered = [...all.filter((group) => group.category), ...all.filter((group) => !group.category)];
  const items: EntryItem[] = [];
  for (const group of ordered) {
    items.push(group.head);
    for (const sexGroup of group.sexes.values()) {
      items.push(sexGroup.head);
      for (const classGroup of sexGroup.classes.values()) {
        items.push(classGroup.head);
        for (const entry of classGroup.entries) {
          items.push({ kind: "entry", key: `e-${entry.id}`, entry, category: group.category });
          if (entry.conflicts.length > 0) items.push({ kind: "conflicts", key: `x-${entry.id}`, entry });
        }
      }
    }
  }
  return items;
}

/** A name as a search compares it: lower case, accents dropped ("Kovač" is found by "kovac"). */
function searchable(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLocaleLowerCase();
}
