"use client";

import { ResponsiveContainer, Sankey, Tooltip, type SankeyNodeProps } from "recharts";
import { PRIMARY, seriesStyle } from "./chart-palette";
import type { TChartA11y } from "./chart-figure";

export type TFlowGraph = {
  /** Sources first (left column), then targets (right column). */
  nodes: { name: string; side: "source" | "target" }[];
  links: { source: number; target: number; value: number }[];
};
export type TFlowSankeyProps = TChartA11y & { graph: TFlowGraph };

/**
 * Each name sits just above its node (in the gap between nodes), sources' from the left edge and
 * targets' up to the right edge, so the two columns' names do not run into each other at phone width.
 */
function FlowNode({ x, y, width, height, index, payload }: SankeyNodeProps) {
  const source = (payload as unknown as { side?: string }).side === "source";
  const color = source ? seriesStyle(index).color : PRIMARY;
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} fill={color} />
      <text x={source ? x : x + width} y={y - 5} textAnchor={source ? "start" : "end"} fontSize={12} fill="#1c2330">
        {payload.name}
      </text>
    </g>
  );
}

/** Which sensitive data classes reach which models: band width is the number of decisions. */
export default function FlowSankey({ label, describedBy, graph }: TFlowSankeyProps) {
  const sources = graph.nodes.filter((node) => node.side === "source").length;
  const height = Math.max(160, Math.max(sources, graph.nodes.length - sources) * 56);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <Sankey
        data={graph}
        node={FlowNode}
        link={{ stroke: "#9db2e8", strokeOpacity: 0.6 }}
        nodePadding={28}
        nodeWidth={10}
        margin={{ top: 20, right: 2, bottom: 4, left: 2 }}
        role="img"
        aria-label={label}
        aria-describedby={describedBy}
      >
        <Tooltip />
      </Sankey>
    </ResponsiveContainer>
  );
}
