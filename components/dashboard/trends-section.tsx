import { ChartFigure } from "@/components/charts/chart-figure";
import { TimeBarChart } from "@/components/charts/lazy-charts";
import { SeriesLegend } from "@/components/charts/series-patterns";
import { bucketLongLabel, pivotByBucket } from "@/components/charts/time-buckets";
import { Card } from "@/components/ui/card";
import { FiguresTable } from "@/components/charts/figures-table";
import { WINDOW_LABELS } from "@/components/scorecard/labels";
import { formatCount } from "@/components/scorecard/scorecard-format";
import type { TDashboard } from "@/lib/contracts/dashboard";
import { DENIAL_CATEGORIES } from "@/lib/contracts/scorecard";
import { denialTotals, plural } from "./dashboard-derive";

type TProps = { dashboard: TDashboard };

function DenialTrend({ dashboard }: TProps) {
  const { window, denialTrend } = dashboard;
  const totals = denialTotals(denialTrend);
  // Each category keeps its colour and pattern whichever others are present.
  const series = totals.map(({ category, label }) => ({ key: category, label, index: DENIAL_CATEGORIES.indexOf(category) }));
  const rows = pivotByBucket(
    denialTrend.map((p) => ({ bucketStart: p.bucketStart, series: p.category, count: p.count })),
    DENIAL_CATEGORIES,
  );
  const total = totals.reduce((sum, row) => sum + row.count, 0);
  if (total === 0)
    return <p className="empty-inline">No calls denied in this period. Denials appear here by reason as the gate decides.</p>;
  const top = totals[0];
  return (
    <ChartFigure
      title="Denials by reason"
      summary={`${plural(total, "call", "calls")} denied, ${WINDOW_LABELS[window].toLowerCase()}${top ? `; most often: ${top.label} (${formatCount(top.count)})` : ""}.`}
      legend={(prefix) => <SeriesLegend prefix={prefix} series={series} />}
      table={
        <FiguresTable
          caption="Denials by reason per period"
          columns={
            <>
              <th scope="col">Period</th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="numeric">
                  {s.label}
                </th>
              ))}
            </>
          }
        >
          {rows.map((row) => (
            <tr key={row.bucketStart}>
              <th scope="row">{bucketLongLabel(row.bucketStart, window)}</th>
              {series.map((s) => (
                <td key={s.key} className="numeric">
                  {formatCount(row[s.key])}
                </td>
              ))}
            </tr>
          ))}
        </FiguresTable>
      }
      chart={(a11y) => <TimeBarChart {...a11y} rows={rows} series={series} window={window} stacked />}
    />
  );
}

const DLP_SERIES = [
  { key: "redactions", label: "Values redacted from run events", index: 0 },
  { key: "denials", label: "Calls denied for undeclared sensitive data", index: 1 },
] as const;

function DlpTrend({ dashboard }: TProps) {
  const { window, dlpTrend } = dashboard;
  const rows = [...dlpTrend].sort((a, b) => Date.parse(a.bucketStart) - Date.parse(b.bucketStart));
  const redactions = rows.reduce((sum, row) => sum + row.redactions, 0);
  const denials = rows.reduce((sum, row) => sum + row.denials, 0);
  if (redactions + denials === 0) {
    return <p className="empty-inline">No sensitive data found in this period. Redactions and DLP denials appear here as they happen.</p>;
  }
  return (
    <ChartFigure
      title="DLP findings"
      summary={`${plural(redactions, "value", "values")} redacted and ${plural(denials, "call", "calls")} denied for undeclared sensitive data, ${WINDOW_LABELS[window].toLowerCase()}.`}
      legend={(prefix) => <SeriesLegend prefix={prefix} series={DLP_SERIES} />}
      table={
        <FiguresTable
          caption="DLP findings per period"
          columns={
            <>
              <th scope="col">Period</th>
              <th scope="col" className="numeric">
                Redacted
              </th>
              <th scope="col" className="numeric">
                Denied
              </th>
            </>
          }
        >
          {rows.map((row) => (
            <tr key={row.bucketStart}>
              <th scope="row">{bucketLongLabel(row.bucketStart, window)}</th>
              <td className="numeric">{formatCount(row.redactions)}</td>
              <td className="numeric">{formatCount(row.denials)}</td>
            </tr>
          ))}
        </FiguresTable>
      }
      chart={(a11y) => <TimeBarChart {...a11y} rows={rows} series={DLP_SERIES} window={window} stacked={false} />}
    />
  );
}

export function TrendsSection({ dashboard }: TProps) {
  return (
    <Card titleId="trends-title" title="Denials and sensitive data over time">
      <div className="chart-grid chart-grid-wide">
        <DenialTrend dashboard={dashboard} />
        <DlpTrend dashboard={dashboard} />
      </div>
    </Card>
  );
}
