"use client";

import { LiveStatus } from "@/components/charts/live-status";
import { Card } from "@/components/ui/card";
import { useWorkflowScorecard } from "@/lib/client/scorecard/use-workflow-scorecard";
import type { TScorecard } from "@/lib/contracts/scorecard";
import { ApprovalsAndIncidents } from "./approvals-and-incidents";
import { CoverageChecklist } from "./coverage-checklist";
import { DenialBreakdown } from "./denial-breakdown";
import { GradeCard } from "./grade-card";
import { WINDOW_LABELS } from "./labels";
import { MetricTiles } from "./metric-tiles";
import { SloForm } from "./slo-form";
import { SloPanel } from "./slo-panel";
import { TrendCharts } from "./trend-charts";

/** One workflow's reliability and control coverage for a period, beside the period before; refreshed live. */
export function ScorecardView({ initial, edit }: { initial: TScorecard; edit: { version: number } | null }) {
  const query = useWorkflowScorecard({ workflowId: initial.workflow.id, window: initial.window, initialData: initial });
  const scorecard = query.data ?? initial;
  const { current, previous } = scorecard;
  const quiet = current.runs === 0 && current.decisions === 0;
  return (
    <div className="stack live-stack">
      <LiveStatus generatedAt={scorecard.generatedAt} error={query.error} fetching={query.isFetching} />
      <GradeCard grade={scorecard.grade} />
      <Card titleId="headline-title" title={`${WINDOW_LABELS[scorecard.window]}, beside the period before`}>
        {quiet ? (
          <p className="empty-inline">
            No runs or decisions in this period yet: the figures below fill in once this workflow&apos;s automations call the gate and
            report their runs. The grade rests on its controls until then.
          </p>
        ) : null}
        <MetricTiles current={current} previous={previous} />
      </Card>
      <Card titleId="denials-title" title="Denials">
        <DenialBreakdown current={current} previous={previous} />
      </Card>
      <Card titleId="approvals-incidents-title" title="Approvals and incidents">
        <ApprovalsAndIncidents current={current} />
      </Card>
      <Card titleId="trends-title" title="Trends">
        <TrendCharts scorecard={scorecard} />
      </Card>
      <Card titleId="slo-title" title="Service level objectives">
        <SloPanel slo={scorecard.slo} />
        {edit && scorecard.workflow.status !== "RETIRED" ? (
          <SloForm
            key={edit.version}
            workflowId={scorecard.workflow.id}
            status={scorecard.workflow.status}
            version={edit.version}
            targets={scorecard.slo.targets}
          />
        ) : null}
      </Card>
      <Card titleId="coverage-title" title="Control coverage">
        <CoverageChecklist coverage={scorecard.coverage} />
      </Card>
    </div>
  );
}
