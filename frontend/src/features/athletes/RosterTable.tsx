import { useVirtualizer } from "@tanstack/react-virtual";
import { ChevronDownIcon, ChevronUpIcon } from "lucide-react";
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Avatar } from "../../components/Avatar";
import { BeltBadge } from "../../components/BeltBadge";
import { cn } from "../../components/ui/cn";
import { formatDate, formatNumber } from "../../lib/format";
import type { RuleIndex } from "../../lib/use-rules";
import { weightClassLabel } from "../../lib/weight-classes";
import type { AgeCategory, AthleteFilters, AthleteRow, Belt, WeightClass } from "../../types/bridge";
import { useAthleteText, type AthleteText } from "./athlete-text";
import { rosterMemory } from "./roster-store";

/** Every row is exactly this tall, which is what lets the list draw only what is visible. */
const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 40;
/** Rows drawn above and below the visible ones, so fast scrolling and arrow keys find them. */
const OVERSCAN = 10;

/** Below 1024 px, Sex and Weight make way, so name, belt and category fit without a sideways scroll. */
const COLUMNS =
  "grid grid-cols-[minmax(9rem,2.2fr)_6.5rem_minmax(7.5rem,1.3fr)_minmax(8rem,1.5fr)] lg:grid-cols-[minmax(11rem,2.2fr)_6.5rem_4.5rem_minmax(8rem,1.3fr)_5.5rem_minmax(9rem,1.5fr)] gap-x-4 px-4 lg:px-5";
/** The columns that only show from 1024 px. */
const WIDE_ONLY = "hidden lg:block";

type SortKey = AthleteFilters["sort"];

interface RosterTableProps {
  rows: AthleteRow[];
  rules: RuleIndex | null;
  busy: boolean;
  sort: SortKey;
  descending: boolean;
  onSort: (sort: SortKey) => void;
  onOpen: (id: number) => void;
  /** Changes when the coach changes the filters: back to the top of the new list. */
  resetKey: unknown;
}

/**
 * The roster as an ARIA grid (rows the keyboard moves through) that draws only the rows in view (plus a margin), placed by
 * TanStack Virtual. The header sits in the same scroll box, sticky, so its columns line up
 * with the rows whatever the scrollbar takes.
 */
export function RosterTable({ rows, rules, busy, sort, descending, onSort, onOpen, resetKey }: RosterTableProps) {
  const { t } = useTranslation("athletes");
  // Read once here and handed to the rows: a hook in each of them, at every redraw of the
  // list, doubled the time from Python's answer to the rows on screen.
  const text = useAthleteText();
  const scrollerRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- we don't compile with the React Compiler, which is what this warns about
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The rows start below the header, inside the same scroll box.
    scrollMargin: HEADER_HEIGHT,
    // Back where the coach left the list; a guess at the height until the box is measured.
    initialOffset: () => rosterMemory.scrollTop,
    initialRect: { width: 0, height: 800 },
  });

  // The box itself is scrolled back too, before it is painted; the virtualizer follows it.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (scroller) scroller.scrollTop = rosterMemory.scrollTop;
  }, []);

  // Compared with the last key rather than skipping the first run, which StrictMode repeats.
  const lastResetKey = useRef(resetKey);
  useEffect(() => {
    if (Object.is(lastResetKey.current, resetKey)) return;
    lastResetKey.current = resetKey;
    const scroller = scrollerRef.current;
    if (scroller) scroller.scrollTop = 0;
  }, [resetKey]);

  // Back from an athlete's page: focus their row once it is drawn (it was in view, since the
  // scroll position is kept), so the keyboard carries on from there.
  // After a delete the row is gone: the list itself takes the focus, not the page's <body>.
  useEffect(() => {
    if (busy) return;
    if (rosterMemory.focusList) {
      rosterMemory.focusList = false;
      scrollerRef.current?.focus({ preventScroll: true });
      return;
    }
    const id = rosterMemory.returnFocusId;
    if (id === null) return;
    rosterMemory.returnFocusId = null;
    scrollerRef.current
      ?.querySelector<HTMLElement>(`[data-athlete-id="${id}"]`)
      ?.focus({ preventScroll: true });
  }, [rows, busy]);

  // The virtualizer draws each scroll within the scroll event (flushSync), before the frame
  // is painted, so a fast scroll (a scrollbar drag) doesn't outrun the overscan.
  const onScroll = () => {
    rosterMemory.scrollTop = scrollerRef.current?.scrollTop ?? 0;
  };

  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, id: number) => {
      const row = event.currentTarget;
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        onOpen(id);
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        // The neighbour is always drawn (overscan); focusing it scrolls it into view.
        event.preventDefault();
        const sibling = event.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling;
        if (sibling instanceof HTMLElement) sibling.focus();
      }
    },
    [onOpen],
  );

  const visible = virtualizer.getVirtualItems().flatMap(({ index }) => {
    const row = rows[index];
    if (!row) return [];
    return (
      <RosterRow
        key={row.id}
        row={row}
        index={index}
        belt={row.beltId === null ? undefined : rules?.beltById.get(row.beltId)}
        category={row.categoryId === null ? undefined : rules?.categoryById.get(row.categoryId)}
        weightClass={row.weightClassId === null ? undefined : rules?.weightClassById.get(row.weightClassId)}
        onOpen={onOpen}
        onKeyDown={onRowKeyDown}
        t={t}
        text={text}
      />
    );
  });

  return (
    <div
      ref={scrollerRef}
      role="grid"
      aria-label={t("table.label")}
      tabIndex={-1}
      aria-rowcount={rows.length + 1}
      aria-busy={busy}
      onScroll={onScroll}
      // Opaque, so Chromium scrolls it as its own layer rather than repainting it every frame.
      className={cn("overflow-y-auto rounded-t-2xl bg-white outline-none focus-visible:ring-2 focus-visible:ring-blue-600", rows.length > 0 ? "min-h-48 flex-1" : "flex-none")}
    >
      <div role="rowgroup" className="sticky top-0 z-10">
        <div
          role="row"
          aria-rowindex={1}
          style={{ height: HEADER_HEIGHT }}
          className={cn(COLUMNS, "items-center border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase")}
        >
          <SortHeader label={t("table.name")} sortKey="name" sort={sort} descending={descending} onSort={onSort} />
          <SortHeader label={t("table.age")} sortKey="age" sort={sort} descending={descending} onSort={onSort} />
          <div role="columnheader" className={WIDE_ONLY}>{t("table.sex")}</div>
          <SortHeader label={t("table.belt")} sortKey="belt" sort={sort} descending={descending} onSort={onSort} />
          <SortHeader label={t("table.weight")} sortKey="weight" sort={sort} descending={descending} onSort={onSort} alignEnd className={WIDE_ONLY} />
          <div role="columnheader">{t("table.category")}</div>
        </div>
      </div>
      <div role="rowgroup" className="relative" style={{ height: rows.length * ROW_HEIGHT }}>
        {visible}
      </div>
    </div>
  );
}

interface SortHeaderProps {
  label: string;
  sortKey: SortKey;
  sort: SortKey;
  descending: boolean;
  onSort: (sort: SortKey) => void;
  alignEnd?: boolean;
  className?: string;
}

function SortHeader({ label, sortKey, sort, descending, onSort, alignEnd, className }: SortHeaderProps) {
  const active = sort === sortKey;
  return (
    <div
      role="columnheader"
      aria-sort={active ? (descending ? "descending" : "ascending") : "none"}
      className={cn(alignEnd && "text-right", className)}
    >
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        className={cn(
          "-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 uppercase hover:bg-slate-200/70 hover:text-slate-900",
          "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600",
          active && "text-slate-900",
        )}
      >
        {label}
        <SortArrow active={active} descending={descending} />
      </button>
    </div>
  );
}

function SortArrow({ active, descending }: { active: boolean; descending: boolean }) {
  const Arrow = active && descending ? ChevronDownIcon : ChevronUpIcon;
  return <Arrow size={12} strokeWidth={3} className={active ? "text-blue-700" : "text-slate-300"} />;
}

interface RosterRowProps {
  row: AthleteRow;
  index: number;
  belt: Belt | undefined;
  category: AgeCategory | undefined;
  /** The athlete's class in that category, for their sex and weight. */
  weightClass: WeightClass | undefined;
  onOpen: (id: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, id: number) => void;
  /** The table's words: new only when the language changes, which redraws every row. */
  t: TFunction<"athletes">;
  text: AthleteText;
}

/** One athlete; memoized, so scrolling only draws the rows that came into view. */
const RosterRow = memo(function RosterRow({
  row,
  index,
  belt,
  category,
  weightClass,
  onOpen,
  onKeyDown,
  t,
  text,
}: RosterRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      data-athlete-id={row.id}
      onClick={() => onOpen(row.id)}
      onKeyDown={(event) => onKeyDown(event, row.id)}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
      className={cn(
        COLUMNS,
        "absolute inset-x-0 scroll-mt-10 cursor-pointer items-center border-b border-slate-100 text-sm",
        "hover:bg-blue-50/60 focus-visible:bg-blue-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600",
        row.active ? "text-slate-900" : "bg-slate-50/60 text-slate-500",
      )}
    >
      <div role="gridcell" className="flex min-w-0 items-center gap-2.5">
        <Avatar mediaId={row.photoId} name={row.fullName} className={cn("size-7 text-[0.625rem]", !row.active && "opacity-60")} />
        {/* The name over the member ID and the papers badge, which so leave the name its
            width. The spaces are for the cell's text and its name ("Ana Kovač JM-001"); a
            flex box draws none of its own. */}
        <div className="flex min-w-0 flex-col">
          <span data-athlete-name className={cn("truncate leading-5 font-medium", !row.active && "text-slate-500")}>
            {row.fullName}
          </span>{" "}
          <span className="flex min-w-0 items-center gap-1.5 text-xs leading-4">
            {row.memberId ? <span className="truncate text-slate-500">{row.memberId}</span> : null}{" "}
            <PapersBadge row={row} t={t} />
          </span>
        </div>
        {row.active ? null : (
          <span className="shrink-0 rounded-md bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">
            {text.status(false)}
          </span>
        )}
      </div>
      <div role="gridcell" className="tabular-nums">
        {row.birthYear} · {formatNumber(row.age, 0)}
      </div>
      <div role="gridcell" className={WIDE_ONLY}>{text.sex(row.sex)}</div>
      <div role="gridcell" className={cn("min-w-0", !row.active && "opacity-60")}>
        <BeltBadge belt={belt} />
      </div>
      <div role="gridcell" className={cn(WIDE_ONLY, "text-right tabular-nums")}>
        {text.weight(row.weightKg)}
      </div>
      {/* The category over the weight class, as the name over the member ID: the space is
          for the cell's text ("U18 Cadets -57 kg"). */}
      <div role="gridcell" className="flex min-w-0 flex-col">
        {category ? (
          <span className="truncate leading-5">
            <span className="font-semibold">{category.code}</span> {category.name}
          </span>
        ) : (
          <span className="text-slate-500">—</span>
        )}
        {category && weightClass ? (
          <>
            {" "}
            <span data-weight-class className="truncate text-xs leading-4 text-slate-600 tabular-nums">
              {weightClassLabel(weightClass)}
            </span>
          </>
        ) : null}
      </div>
    </div>
  );
});

type Paper = "licence" | "medical";

/** Each paper's sentence, by its state: literal keys, so the catalog test sees them used. */
const PAPER_WORDS = {
  licence: { expired: "roster.papers.licenceExpired", expiring: "roster.papers.licenceExpiring" },
  medical: { expired: "roster.papers.medicalExpired", expiring: "roster.papers.medicalExpiring" },
} as const;

/**
 * Red "Expired" when the licence or the medical certificate has run out, amber "Expires
 * soon" when one runs out within 30 days; nothing otherwise. The visible word is short; its
 * accessible name says which paper, and when ("Licence expired on 3 Mar 2026").
 */
function PapersBadge({ row, t }: { row: AthleteRow; t: TFunction<"athletes"> }) {
  const papers: { paper: Paper; state: "expired" | "expiring"; until: string }[] = [];
  if ((row.licenceState === "expired" || row.licenceState === "expiring") && row.licenceUntil) {
    papers.push({ paper: "licence", state: row.licenceState, until: row.licenceUntil });
  }
  if ((row.medicalState === "expired" || row.medicalState === "expiring") && row.medicalUntil) {
    papers.push({ paper: "medical", state: row.medicalState, until: row.medicalUntil });
  }
  if (papers.length === 0) return null;
  const expired = papers.some((paper) => paper.state === "expired");
  const sentences = papers.map(({ paper, state, until }) => t(PAPER_WORDS[paper][state], { date: formatDate(until) }));
  const label = sentences.length === 1 ? sentences[0] : t("roster.papers.both", { first: sentences[0], second: sentences[1] });
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={cn(
        "shrink-0 rounded px-1 text-[0.6875rem] leading-4 font-semibold whitespace-nowrap ring-1 ring-inset",
        expired ? "bg-red-50 text-red-800 ring-red-200" : "bg-amber-50 text-amber-900 ring-amber-200",
      )}
    >
      {expired ? t("roster.papers.expired") : t("roster.papers.expiring")}
    </span>
  );
}
