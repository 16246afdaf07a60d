import { ChartFigure } from "@/components/charts/chart-figure";
import { CategoryBarChart } from "@/components/charts/lazy-charts";
import { FiguresTable } from "@/components/charts/figures-table";
import { DENIAL_CATEGORIES, type TPeriodMetrics } from "@/lib/contracts/scorecard";
import { DENIAL_CATEGORY_LABELS } from "./labels";
import { formatCount, formatRate } from "./scorecard-format";

function countsOf(metrics: TPeriodMetrics): Map<string, number> {
  return new Map(metrics.denialsByReason.map((row) => [row.category, row.count]));
}

/** Why calls were denied, by category, now and in the previous period. */
export function DenialBreakdown({ current, previous }: { current: TPeriodMetrics; previous: TPeriodMetrics }) {
  const now = countsOf(current);
  const before = countsOf(previous);
  const rows = DENIAL_CATEGORIES.map((category) => ({
    category,
    label: DENIAL_CATEGORY_LABELS[category],
    value: now.get(category) ?? 0,
    previous: before.get(category) ?? 0,
  })).filter((row) => row.value > 0 || row.previous > 0);
  const denied = current.denialRate.numerator;
  if (rows.length === 0) {
    return <p className="empty-inline">No calls denied in this period or the one before. Denials appear here by reason.</p>;
  }
  const top = rows.reduce((best, row) => (row.value > best.value ? row : best));
  return (
    <ChartFigure
      title="Denials by reason"
      summary={`${formatCount(denied)} of ${formatCount(current.decisions)} decisions denied (${formatRate(current.denialRate)})${denied > 0 ? `; most often: ${top.label} (${formatCount(top.value)})` : ""}.`}
      table={
        <FiguresTable
          caption="Denials by reason, this period and the previous one"
          columns={
            <>
              <th scope="col">Reason</th>
              <th scope="col" className="numeric">
                This period
              </th>
              <th scope="col" className="numeric">
                Previous period
              </th>
            </>
          }
        >
          {rows.map((row) => (
            <tr key={row.category}>
              <th scope="row">{row.label}</th>
              <td className="numeric">{formatCount(row.value)}</td>
              <td className="numeric">{formatCount(row.previous)}</td>
            </tr>
          ))}
        </FiguresTable>
      }
      chart={(a11y) => <CategoryBarChart {...a11y} data={rows} valueLabel="Denials this period" />}
    />
  );
}
