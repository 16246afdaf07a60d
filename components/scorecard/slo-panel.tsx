import { Badge } from "@/components/ui/badge";
import { FiguresTable } from "@/components/charts/figures-table";
import type { TScorecard } from "@/lib/contracts/scorecard";
import { SLO_INDICATOR_LABELS } from "./labels";
import { budgetText, formatMs, formatPercent } from "./scorecard-format";

type TSlo = TScorecard["slo"];

function formatIndicator(indicator: TSlo["objectives"][number]["indicator"], value: number | null): string {
  return indicator === "latency_p95" ? formatMs(value) : formatPercent(value, 2);
}

function ErrorBudget({ remaining }: { remaining: number | null }) {
  return (
    <div className="error-budget">
      <span id="error-budget-label" className="strong">
        Error budget (success-rate SLO)
      </span>
      {remaining === null ? null : (
        <meter
          aria-labelledby="error-budget-label"
          min={0}
          max={1}
          low={0.25}
          high={0.5}
          optimum={1}
          value={Math.max(0, Math.min(1, remaining))}
        />
      )}
      <span>{budgetText(remaining)}</span>
    </div>
  );
}

/** What the workflow promises, whether it keeps it, what is left of its error budget, and whether burn-rate alerts fire. */
export function SloPanel({ slo }: { slo: TSlo }) {
  return (
    <div className="stack">
      <p className="muted">
        {slo.defaults ? "Tollgate's default targets: nobody has set this workflow's own yet." : "This workflow's own targets."}
      </p>
      <FiguresTable
        caption="Objectives: target, actual and whether it is met"
        columns={
          <>
            <th scope="col">Objective</th>
            <th scope="col" className="numeric">
              Target
            </th>
            <th scope="col" className="numeric">
              Actual
            </th>
            <th scope="col">Met</th>
          </>
        }
      >
        {slo.objectives.map((objective) => (
          <tr key={objective.indicator}>
            <th scope="row">{SLO_INDICATOR_LABELS[objective.indicator]}</th>
            <td className="numeric">
              {objective.indicator === "success_rate" ? "at least " : "at most "}
              {formatIndicator(objective.indicator, objective.target)}
            </td>
            <td className="numeric">{formatIndicator(objective.indicator, objective.actual)}</td>
            <td>
              {objective.met === null ? (
                <span className="muted">No data</span>
              ) : objective.met ? (
                <Badge tone="good">Met</Badge>
              ) : (
                <Badge tone="bad">Not met</Badge>
              )}
            </td>
          </tr>
        ))}
      </FiguresTable>
      <ErrorBudget remaining={slo.errorBudgetRemaining} />
      <FiguresTable
        caption="Multiwindow burn-rate alerts on the success-rate SLO"
        columns={
          <>
            <th scope="col">Alert</th>
            <th scope="col">Windows</th>
            <th scope="col" className="numeric">
              Burn rate (long / short)
            </th>
            <th scope="col">State</th>
          </>
        }
      >
        {slo.burnRateAlerts.map((alert) => (
          <tr key={alert.severity}>
            <th scope="row">{alert.severity === "page" ? "Page" : "Ticket"}</th>
            <td>
              {alert.longWindow} and {alert.shortWindow} above {alert.threshold}×
            </td>
            <td className="numeric">
              {alert.longBurnRate === null ? "—" : `${alert.longBurnRate.toFixed(1)}×`} /{" "}
              {alert.shortBurnRate === null ? "—" : `${alert.shortBurnRate.toFixed(1)}×`}
            </td>
            <td>{alert.firing ? <Badge tone="bad">Firing</Badge> : <Badge tone="good">Quiet</Badge>}</td>
          </tr>
        ))}
      </FiguresTable>
    </div>
  );
}
