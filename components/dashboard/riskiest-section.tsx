import Link from "next/link";
import { Card } from "@/components/ui/card";
import { GradeBadge } from "@/components/scorecard/grade-badge";
import type { TDashboard } from "@/lib/contracts/dashboard";
import type { TScorecardWindow } from "@/lib/contracts/scorecard";

/** The lowest grades first, each with the factors that cost it most and what would raise them; a list, so it reads at phone width. */
export function RiskiestSection({ riskiest, window }: { riskiest: TDashboard["riskiest"]; window: TScorecardWindow }) {
  return (
    <Card titleId="riskiest-title" title="Riskiest workflows">
      {riskiest.length === 0 ? (
        <p className="empty-inline">No workflows to grade yet. Each registered workflow gets a grade from A to F, worst first here.</p>
      ) : (
        <ol className="riskiest-list" aria-label="Workflows by grade, lowest first">
          {riskiest.map((row) => (
            <li key={row.workflowId}>
              <div className="riskiest-head">
                <GradeBadge grade={row.grade} />
                <span>
                  <Link href={`/workflows/${row.workflowId}/scorecard?window=${window}`}>{row.name}</Link>{" "}
                  <span className="muted">
                    {Math.round(row.score)}/100 · <code>{row.key}</code>
                  </span>
                </span>
              </div>
              {row.why.length === 0 ? (
                <p className="muted">Nothing costs it points.</p>
              ) : (
                <ul className="why-list">
                  {row.why.map((factor) => (
                    <li key={factor.factor}>
                      <strong>{factor.label}</strong>: {factor.value}
                      {factor.raise ? <span className="muted"> — {factor.raise}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
