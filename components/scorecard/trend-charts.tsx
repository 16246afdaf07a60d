import { ChartFigure } from "@/components/charts/chart-figure";
import { RateLineChart } from "@/components/charts/lazy-charts";
import { bucketLongLabel } from "@/components/charts/time-buckets";
import { FiguresTable } from "@/components/charts/figures-table";
import type { TScorecard } from "@/lib/contracts/scorecard";
import { WINDOW_LABELS } from "./labels";
import { formatCount, formatMs, formatPercent } from "./scorecard-format";

type TPoint = TScorecard["trend"][number];
type TTrendSpec = {
  id: string;
  title: string;
  pick: (point: TPoint) => number | null;
  format: (value: number) => string;
  target?: (slo: TScorecard["slo"]) => number;
};

const percent = (value: number) => formatPercent(value);
const TRENDS: TTrendSpec[] = [
  { id: "success", title: "Success rate", pick: (p) => p.successRate, format: percent, target: (slo) => slo.targets.successRate },
  {
    id: "tool-errors",
    title: "Tool error rate",
    pick: (p) => p.toolErrorRate,
    format: percent,
    target: (slo) => slo.targets.toolErrorRate,
  },
  { id: "denials", title: "Denial rate", pick: (p) => p.denialRate, format: percent },
  { id: "overrides", title: "Human override rate", pick: (p) => p.overrideRate, format: percent },
  { id: "p95", title: "p95 latency", pick: (p) => p.p95LatencyMs, format: formatMs, target: (slo) => slo.targets.latencyP95Ms },
];

function summaryOf(values: (number | null)[], format: (value: number) => string, period: string): string {
  const counted = values.filter((value): value is number => value !== null);
  if (counted.length === 0) return `Nothing counted, ${period}.`;
  const low = Math.min(...counted);
  const high = Math.max(...counted);
  const last = counted[counted.length - 1] ?? low;
  return `From ${format(low)} to ${format(high)}, ${period}; latest ${format(last)}.`;
}

/** One small chart per rate, with its SLO drawn across where it has one. */
export function TrendCharts({ scorecard }: { scorecard: TScorecard }) {
  const { trend, window, slo } = scorecard;
  const period = WINDOW_LABELS[window].toLowerCase();
  if (trend.every((point) => point.runs === 0 && point.decisions === 0)) {
    return (
      <p className="empty-inline">
        No runs or decisions in this period yet, so there is no trend to draw. Traffic appears here within seconds.
      </p>
    );
  }
  return (
    <div className="chart-grid">
      {TRENDS.map((spec) => {
        const points = trend.map((point) => ({ bucketStart: point.bucketStart, value: spec.pick(point) }));
        const targetValue = spec.target?.(slo);
        const target = targetValue === undefined ? undefined : { value: targetValue, label: `SLO ${spec.format(targetValue)}` };
        return (
          <ChartFigure
            key={spec.id}
            title={spec.title}
            summary={`${summaryOf(
              points.map((p) => p.value),
              spec.format,
              period,
            )}${targetValue === undefined ? "" : ` SLO target: ${spec.format(targetValue)}.`}`}
            table={
              <FiguresTable
                caption={`${spec.title} per period`}
                columns={
                  <>
                    <th scope="col">Period</th>
                    <th scope="col" className="numeric">
                      {spec.title}
                    </th>
                    <th scope="col" className="numeric">
                      Runs
                    </th>
                  </>
                }
              >
                {trend.map((point) => {
                  const value = spec.pick(point);
                  return (
                    <tr key={point.bucketStart}>
                      <th scope="row">{bucketLongLabel(point.bucketStart, window)}</th>
                      <td className="numeric">{value === null ? "—" : spec.format(value)}</td>
                      <td className="numeric">{formatCount(point.runs)}</td>
                    </tr>
                  );
                })}
              </FiguresTable>
            }
            chart={(a11y) => (
              <RateLineChart {...a11y} points={points} window={window} seriesName={spec.title} format={spec.format} target={target} />
            )}
          />
        );
      })}
    </div>
  );
}
