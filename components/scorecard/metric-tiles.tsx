import type { TPeriodMetrics } from "@/lib/contracts/scorecard";
import { headlineFigures } from "./headline-figures";

const DELTA_CLASS = { good: "delta delta-good", bad: "delta delta-bad", neutral: "delta" } as const;

/** Each headline figure with the previous period's beside it; the change is said in words, the arrow and colour only repeat it. */
export function MetricTiles({ current, previous }: { current: TPeriodMetrics; previous: TPeriodMetrics }) {
  return (
    <dl className="tiles metric-tiles">
      {headlineFigures(current, previous).map((figure) => (
        <div key={figure.id} className="tile">
          <dt>{figure.label}</dt>
          <dd>
            <span className="tile-value">{figure.value}</span>
            {figure.detail ? <span className="tile-detail">{figure.detail}</span> : null}
            <span className="tile-previous">Previous period: {figure.previous}</span>
            {figure.delta ? (
              <span className={DELTA_CLASS[figure.delta.tone]}>
                <span aria-hidden="true">{figure.delta.arrow} </span>
                {figure.delta.text}
              </span>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
