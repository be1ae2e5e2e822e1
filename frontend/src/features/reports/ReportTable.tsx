import { useVirtualizer } from "@tanstack/react-virtual";
import { AlertTriangleIcon, ChevronDownIcon, ChevronUpIcon } from "lucide-react";
import type { TFunction } from "i18next";
import { memo, useLayoutEffect, useMemo, useRef, type CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { cn } from "../../components/ui/cn";
import { goTo } from "../../lib/navigation";
import type { ReportColumn, ReportGroup, ReportRow, ReportView } from "../../types/bridge";

/** One line of the table: a group's heading, a row, or the total under a group. */
type Line =
  | {
      kind: "heading";
      key: string;
      group: ReportGroup;
      /** The athlete every row of the group is about (the medals by athlete), whom it opens. */
      athleteId: number | null;
    }
  | { kind: "row"; key: string; row: ReportRow }
  | { kind: "total"; key: string; group: ReportGroup };

const OVERSCAN = 12;
const ESTIMATES: Record<Line["kind"], number> = { heading: 48, row: 40, total: 36 };
/** A column is never narrower than this (a date), so a roster of many columns scrolls sideways instead. */
const MIN_COLUMN_REM = 6.5;
/** The name's column: most names on one line. */
const NAME_MIN_REM = 12;
const HEADER_HEIGHT = 40;
/** The column whose cell opens the row's athlete. */
const NAME_COLUMN = "name";

interface ReportTableProps {
  view: ReportView;
  busy: boolean;
  /** Changes with the request the report answers: back to the top of the new one. */
  resetKey: unknown;
  /** Said under the headers when the report has no rows. */
  empty: string;
  onSort: (key: string) => void;
}

/**
 * The report as `reports.show` returned it, as one ARIA table: each group's heading and
 * total are rows of their own, the headers of sortable columns are buttons that ask Python
 * again (the order is Python's, so the page and the saved file agree). The table scrolls in
 * its own box, both ways, its header staying on top, and draws only the lines in view (plus
 * a margin), placed by TanStack Virtual and measured as drawn: a roster of 5,000 keeps a few
 * dozen rows in the page.
 */
export function ReportTable({ view, busy, resetKey, empty, onSort }: ReportTableProps) {
  const { t } = useTranslation("reports");
  const scrollerRef = useRef<HTMLDivElement>(null);
  // -1 when the rows don't name their athlete (the medals grouped by athlete: the heading does).
  const linkColumn = view.columns.findIndex((column) => column.key === NAME_COLUMN);
  const lines = useMemo(() => linesOf(view, linkColumn), [view, linkColumn]);
  const layout = useMemo(() => columnLayout(view.columns), [view.columns]);

  // eslint-disable-next-line react-hooks/incompatible-library -- we don't compile with the React Compiler, which is what this warns about
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (index) => ESTIMATES[lines[index]?.kind ?? "row"],
    getItemKey: (index) => lines[index]?.key ?? index,
    overscan: OVERSCAN,
    // The lines start below the header, inside the same scroll box.
    scrollMargin: HEADER_HEIGHT,
    initialRect: { width: 0, height: 600 },
  });

  // Another request (a filter, another order): back to the top of the new report. A reload
  // of the same request (the data changed) keeps the coach's place.
  const lastResetKey = useRef(resetKey);
  useLayoutEffect(() => {
    if (Object.is(lastResetKey.current, resetKey)) return;
    lastResetKey.current = resetKey;
    const scroller = scrollerRef.current;
    if (scroller) scroller.scrollTop = 0;
  }, [resetKey]);

  return (
    // Opaque, so Chromium scrolls it as its own layer rather than repainting it every frame.
    <div ref={scrollerRef} className="min-h-72 flex-1 overflow-auto overscroll-contain bg-white">
      <div
        role="table"
        aria-label={view.title}
        aria-rowcount={lines.length + 1}
        aria-busy={busy}
        className="text-sm"
        style={{ minWidth: layout.minWidth }}
      >
        <div role="rowgroup" className="sticky top-0 z-10">
          <div
            role="row"
            aria-rowindex={1}
            style={{ ...layout.grid, height: HEADER_HEIGHT }}
            className="grid items-center gap-x-4 border-y border-l-4 border-slate-200 border-l-transparent bg-slate-50 pr-4 pl-3 text-xs font-semibold text-slate-600"
          >
            {view.columns.map((column) => (
              <ColumnHeader key={column.key} column={column} view={view} onSort={onSort} t={t} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const line = lines[virtual.index];
            if (!line) return null;
            return (
              <div
                key={virtual.key}
                ref={virtualizer.measureElement}
                data-index={virtual.index}
                className="absolute inset-x-0 top-0"
                style={{ transform: `translateY(${virtual.start - HEADER_HEIGHT}px)` }}
              >
                <LineView
                  line={line}
                  rowIndex={virtual.index + 2}
                  columns={view.columns}
                  columnCount={view.columns.length}
                  grid={layout.grid}
                  linkColumn={linkColumn}
                  t={t}
                />
              </div>
            );
          })}
        </div>
      </div>
      {view.rowCount === 0 ? <p className="px-6 py-6 text-sm text-slate-600">{empty}</p> : null}
    </div>
  );
}

/**
 * The columns' widths: the name gets room to stay on one line, the others share the rest,
 * none narrower than a date; past the box's width, the table scrolls sideways.
 */
function columnLayout(columns: readonly ReportColumn[]): { grid: CSSProperties; minWidth: string } {
  const isName = (column: ReportColumn) => column.key === NAME_COLUMN;
  const tracks = columns.map((column) => (isName(column) ? `minmax(${NAME_MIN_REM}rem, 2fr)` : `minmax(${MIN_COLUMN_REM}rem, 1fr)`));
  // The gaps between the columns (1 rem each) and the row's padding and edge (2 rem) count too.
  const columnsRem = columns.reduce((sum, column) => sum + (isName(column) ? NAME_MIN_REM : MIN_COLUMN_REM), 0);
  const minWidth = columnsRem + Math.max(0, columns.length - 1) + 2;
  return { grid: { gridTemplateColumns: tracks.join(" ") }, minWidth: `${minWidth}rem` };
}

/** The groups as lines: a heading above each (when the report groups), its rows, its total. */
function linesOf(view: ReportView, linkColumn: number): Line[] {
  const grouped = view.groupColumns.length > 0;
  return view.groups.flatMap((group, g) => {
    const lines: Line[] = [];
    if (grouped) lines.push({ kind: "heading", key: `g${g}`, group, athleteId: linkColumn < 0 ? soleAthlete(group) : null });
    group.rows.forEach((row, r) => lines.push({ kind: "row", key: `g${g}-r${r}`, row }));
    // One ungrouped list's total is the summary under the table: said once.
    if (grouped && group.total) lines.push({ kind: "total", key: `g${g}-t`, group });
    return lines;
  });
}

/** The one athlete all of `group`'s rows are about, if there is one. */
function soleAthlete(group: ReportGroup): number | null {
  const first = group.rows[0]?.athleteId ?? null;
  return first !== null && group.rows.every((row) => row.athleteId === first) ? first : null;
}

interface ColumnHeaderProps {
  column: ReportColumn;
  view: ReportView;
  onSort: (key: string) => void;
  t: TFunction<"reports">;
}

function ColumnHeader({ column, view, onSort, t }: ColumnHeaderProps) {
  const right = column.align === "right";
  if (!column.sortable) {
    return (
      <div role="columnheader" title={column.label} className={cn("min-w-0 truncate", right && "text-right")}>
        {column.label}
      </div>
    );
  }
  const active = view.sort === column.key;
  const descending = active && view.descending;
  const Arrow = descending ? ChevronDownIcon : ChevronUpIcon;
  return (
    <div
      role="columnheader"
      aria-sort={active ? (descending ? "descending" : "ascending") : "none"}
      className={cn("min-w-0", right && "text-right")}
    >
      <button
        type="button"
        onClick={() => onSort(column.key)}
        // The header's name is the column's; what a press does is said, not only drawn.
        title={t("table.sortBy", { column: column.label })}
        className={cn(
          "-mx-1.5 inline-flex max-w-full items-center gap-1 rounded px-1.5 py-1 hover:bg-slate-200/70 hover:text-slate-900",
          "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600",
          active && "text-slate-900",
        )}
      >
        <span className="truncate">{column.label}</span>
        <Arrow aria-hidden="true" size={12} strokeWidth={3} className={cn("shrink-0", active ? "text-blue-700" : "text-slate-300")} />
      </button>
    </div>
  );
}

interface LineViewProps {
  line: Line;
  rowIndex: number;
  columns: readonly ReportColumn[];
  columnCount: number;
  grid: CSSProperties;
  linkColumn: number;
  t: TFunction<"reports">;
}

/** One line; memoized, so scrolling draws only the lines that came into view. */
const LineView = memo(function LineView({ line, rowIndex, columns, columnCount, grid, linkColumn, t }: LineViewProps) {
  switch (line.kind) {
    case "heading":
      return (
        <div role="row" aria-rowindex={rowIndex}>
          <div role="cell" aria-colspan={columnCount} className="px-4 pt-5 pb-2">
            <h3 className="text-base font-semibold text-slate-900">
              {line.athleteId === null ? (
                line.group.values.join(" · ")
              ) : (
                <AthleteLink athleteId={line.athleteId} text={line.group.values.join(" · ")} t={t} />
              )}
            </h3>
          </div>
        </div>
      );
    case "total":
      return (
        <div role="row" aria-rowindex={rowIndex}>
          <div
            role="cell"
            aria-colspan={columnCount}
            data-group-total
            className="border-t border-slate-200 bg-slate-50 px-4 py-2 text-sm font-medium text-slate-700"
          >
            {line.group.total}
          </div>
        </div>
      );
    case "row":
      return <RowView row={line.row} rowIndex={rowIndex} columns={columns} grid={grid} linkColumn={linkColumn} t={t} />;
  }
});

interface RowViewProps {
  row: ReportRow;
  rowIndex: number;
  columns: readonly ReportColumn[];
  grid: CSSProperties;
  linkColumn: number;
  t: TFunction<"reports">;
}

/** A row; flagged ones (a paper expired) carry a sign and Python's words for why. */
function RowView({ row, rowIndex, columns, grid, linkColumn, t }: RowViewProps) {
  const flagged = row.problems.length > 0;
  // Why the row is flagged goes under who it is about, else under its first cell.
  const flagColumn = Math.max(linkColumn, 0);
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-report-row
      style={grid}
      className={cn(
        "grid min-h-10 items-center gap-x-4 border-t border-l-4 border-t-slate-100 py-2 pr-4 pl-3",
        flagged ? "border-l-amber-500 bg-amber-50/60" : "border-l-transparent",
      )}
    >
      {columns.map((column, index) => {
        const text = row.cells[index] ?? "";
        return (
          <div
            key={column.key}
            role="cell"
            className={cn("min-w-0 break-words", column.align === "right" && "text-right tabular-nums")}
          >
            {index === flagColumn && flagged ? (
              <AlertTriangleIcon aria-hidden="true" size={14} className="mr-1.5 inline shrink-0 align-[-2px] text-amber-700" />
            ) : null}
            {index === linkColumn && row.athleteId !== null ? <AthleteLink athleteId={row.athleteId} text={text} t={t} /> : text}
            {index === flagColumn && flagged ? (
              <span className="mt-0.5 block text-xs text-amber-900">{row.problems.join(" · ")}</span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/**
 * The athlete's page, through the page registry (features don't import each other). A link,
 * not a button: it goes somewhere, and says so with the name it shows.
 */
function AthleteLink({ athleteId, text, t }: { athleteId: number; text: string; t: TFunction<"reports"> }) {
  return (
    <a
      href={`#athlete-${athleteId}`}
      title={t("table.openAthlete", { name: text })}
      onClick={(event) => {
        event.preventDefault();
        goTo({ page: "athletes", athleteId });
      }}
      className="font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600"
    >
      {text}
    </a>
  );
}
