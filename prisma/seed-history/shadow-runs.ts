import type { TRunEvent } from "@/lib/contracts/events";
import type { TServicePrincipal } from "@/lib/server/authz/principal";
import type { EventSink } from "./event-sink";
import { TOOL_LATENCY_MS } from "./fleet";
import type { TRandom } from "./random";
import { VALID_ARGUMENTS, asSent } from "./tool-arguments";

/**
 * A run of an automation nobody registered: it never asks the gate, but it reports its events
 * under its own workflow key with a token borrowed from a registered workflow, which is how
 * Tollgate sees it (a shadow workflow sighting).
 */
export function reportShadowRun(options: {
  events: EventSink;
  principal: TServicePrincipal;
  workflowKey: string;
  tools: readonly string[];
  model: string;
  random: TRandom;
  startAt: number;
  end: number;
}): void {
  const { events, principal, workflowKey, random, model, end } = options;
  const runId = random.uuid();
  let t = options.startAt;
  const report = (event: Omit<TRunEvent, "id" | "runId" | "workflowKey" | "occurredAt">) => {
    if (t <= end) events.report(principal, { ...event, id: random.uuid(), runId, workflowKey, occurredAt: new Date(t).toISOString() });
  };
  report({ type: "run_started", model, data: {} });
  for (let i = random.int(1, 3); i > 0; i--) {
    const tool = random.pick(options.tools);
    const thinkMs = Math.round(random.logNormal(1_600, 0.5));
    t += thinkMs;
    report({ type: "model_call", model, outcome: "success", latencyMs: thinkMs, data: {} });
    const args = asSent(VALID_ARGUMENTS[tool]?.(random) ?? {});
    report({ type: "tool_call", tool, model, data: { arguments: args } });
    const latencyMs = Math.round(random.logNormal(TOOL_LATENCY_MS[tool] ?? 300, 0.5));
    t += latencyMs;
    report({ type: "tool_result", tool, model, outcome: random.chance(0.03) ? "failure" : "success", latencyMs, data: {} });
  }
  report({ type: "run_ended", outcome: "success", data: {} });
}
