import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { formatCount } from "../../lib/format";
import { goTo, type Destination } from "../../lib/navigation";
import { NumberLink } from "./NumberLink";

export interface ChartRow {
  key: string;
  label: string;
  count: number;
  /** Where its number leads; none for a row nothing can filter by ("no belt"). */
  to: Destination | null;
  /** The bar's colour (a belt's); blue otherwise. */
  color?: string;
}

interface CountChartProps {
  /** Names the chart's table for screen readers (its caption). */
  title: string;
  rows: readonly ChartRow[];
}

const BAR_COLOR = "#2563eb"; // blue-600
const BAR_EDGE = "#94a3b8"; // slate-400: a white belt's bar shows on the white card
const ROW_PX = 26;
// Recharts' own words, not the coach's.
const COUNT: keyof ChartRow = "count";
const LABEL: keyof ChartRow = "label";
const DOMAIN: [number, string] = [0, "dataMax"];
const POINTER = "pointer";
const LABEL_PX = 132;

/**
 * Counts as horizontal bars, one per row in the order given, with each count written at the
 * end of its bar. The drawing is for the eye only (a mouse click on a bar opens what it
 * counts); its numbers are a table for screen readers, every count a link, which shows
 * under the chart while the keyboard is in it.
 */
export function CountChart({ title, rows }: CountChartProps) {
  const { t } = useTranslation("dashboard");
  const captionId = useId();
  const height = rows.length * ROW_PX + 8;
  return (
    <div>
      <div aria-hidden="true" style={{ height }} data-chart-rows={rows.length}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 40, bottom: 4, left: 0 }}
            barCategoryGap={4}
            accessibilityLayer={false}
          >
            <XAxis type="number" hide allowDecimals={false} domain={DOMAIN} />
            <YAxis
              type="category"
              dataKey={LABEL}
              width={LABEL_PX}
              tickLine={false}
              axisLine={false}
              interval={0}
              tick={{ fill: "#334155", fontSize: 13 }}
            />
            <Bar
              dataKey={COUNT}
              isAnimationActive={false}
              minPointSize={2}
              radius={[0, 4, 4, 0]}
              cursor={POINTER}
              onClick={(_bar, index) => {
                const to = rows[index]?.to;
                if (to) goTo(to);
              }}
            >
              {rows.map((row) => (
                <Cell key={row.key} fill={row.color ?? BAR_COLOR} stroke={row.color ? BAR_EDGE : undefined} />
              ))}
              <LabelList
                dataKey={COUNT}
                position="right"
                fill="#0f172a"
                fontSize={13}
                formatter={(value) => (typeof value === "number" ? formatCount(value) : value)}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* The wrapper hides the table: a table's own box grows to fit its cells. */}
      <div className="sr-only focus-within:not-sr-only">
        <table aria-labelledby={captionId} className="mt-3 w-full text-sm">
          <caption id={captionId} className="text-left font-medium text-slate-700">
            {title}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 text-left font-medium text-slate-600">
                {t("chart.name")}
              </th>
              <th scope="col" className="py-1 text-right font-medium text-slate-600">
                {t("chart.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-t border-slate-100">
                <th scope="row" className="py-1 text-left font-normal text-slate-800">
                  {row.label}
                </th>
                <td className="py-1 text-right tabular-nums">
                  {row.to ? (
                    <NumberLink to={row.to} className="font-medium text-blue-700">
                      {t("chart.athletes", { count: row.count })}
                    </NumberLink>
                  ) : (
                    formatCount(row.count)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
