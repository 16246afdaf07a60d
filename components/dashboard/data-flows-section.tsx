import { ChartFigure } from "@/components/charts/chart-figure";
import { FlowSankey } from "@/components/charts/lazy-charts";
import { Card } from "@/components/ui/card";
import { FiguresTable } from "@/components/charts/figures-table";
import { formatCount } from "@/components/scorecard/scorecard-format";
import { SensitivityBadge } from "@/components/workflows/workflow-badges";
import type { TDashboard } from "@/lib/contracts/dashboard";
import { flowGraph, plural } from "./dashboard-derive";

function FlowsTable({ flows }: { flows: TDashboard["dataFlows"] }) {
  return (
    <FiguresTable
      caption="Confidential and restricted data classes, the models they reach, and where those models run"
      columns={
        <>
          <th scope="col">Data class</th>
          <th scope="col">Model</th>
          <th scope="col">Regions</th>
          <th scope="col" className="numeric">
            Workflows
          </th>
          <th scope="col" className="numeric">
            Decisions
          </th>
        </>
      }
    >
      {flows.map((flow) => (
        <tr key={`${flow.dataClass}|${flow.provider}|${flow.model}`}>
          <th scope="row">
            {flow.dataClass} <SensitivityBadge sensitivity={flow.sensitivity} />
          </th>
          <td>
            {flow.provider} · <code>{flow.model}</code>
          </td>
          <td>{flow.regions.length ? flow.regions.join(", ") : <span className="muted">not stated</span>}</td>
          <td className="numeric">{formatCount(flow.workflows)}</td>
          <td className="numeric">{formatCount(flow.decisions)}</td>
        </tr>
      ))}
    </FiguresTable>
  );
}

/** Where sensitive data goes: which confidential and restricted classes reach which models, providers and regions. */
export function DataFlowsSection({ flows }: { flows: TDashboard["dataFlows"] }) {
  const graph = flowGraph(flows);
  const decisions = flows.reduce((sum, flow) => sum + flow.decisions, 0);
  const regions = [...new Set(flows.flatMap((flow) => flow.regions))];
  return (
    <Card titleId="flows-title" title="Sensitive data flows to models">
      {flows.length === 0 ? (
        <p className="empty-inline">
          No workflow declares confidential or restricted data together with a model. When one does, this shows which class reaches which
          model, provider and region.
        </p>
      ) : graph.links.length === 0 ? (
        <>
          <p>No decisions carried this data in the period; these are the flows the registry allows.</p>
          <FlowsTable flows={flows} />
        </>
      ) : (
        <ChartFigure
          title="Data class to model"
          summary={`${plural(decisions, "decision", "decisions")} of workflows holding confidential or restricted data, across ${plural(flows.length, "class-to-model flow", "class-to-model flows")}${regions.length ? `, into ${regions.join(", ")}` : ""}.`}
          table={<FlowsTable flows={flows} />}
          chart={(a11y) => <FlowSankey {...a11y} graph={graph} />}
        />
      )}
    </Card>
  );
}
