import type { TDecisionRequestInput, TDecisionResponse } from "@/lib/contracts/decisions";
import type { TRunEvent } from "@/lib/contracts/events";
import type { TServicePrincipal } from "@/lib/server/authz/principal";
import type { TDb } from "@/lib/server/db/client";
import type { RuntimeGate } from "@/lib/server/decisions/runtime/runtime-gate";
import type { EventSink } from "./event-sink";
import { TOOL_LATENCY_MS, type TProfile, type TRecipeOptions, type TStep } from "./fleet";
import { settleApproval, type TApprovers } from "./history-approvals";
import { effectsAt, type TIncidentPlan } from "./incidents";
import type { TRandom } from "./random";
import { HistoryTally } from "./history-tally";
import { argumentsFor, type TArgs } from "./tool-arguments";

// One run of one agent, as the SDK's guard() would play it (decide → wait for people → decide
// again → run the tool → report), against the real gate at the run's own moment in the past.

export type TSimulation = {
  db: TDb;
  gate: RuntimeGate;
  events: EventSink;
  approvers: TApprovers;
  plan: TIncidentPlan;
  /** The end of the history: what would happen after it has not happened yet. */
  end: number;
  tally: HistoryTally;
};

export type TAgent = { profile: TProfile; principal: TServicePrincipal; model: string; dataClasses: string[] };

export type TPlannedRun = {
  startAt: number;
  random: TRandom;
  options: TRecipeOptions;
  /** A runaway bulk job: this many repeats of its bulk step, fired as fast as the tool answers. */
  runaway?: number;
};

type TCall = { tool: string; args: TArgs; model: string };
type TCallResult = "ok" | "denied" | "failed" | "waiting";

const SECOND = 1_000;

class RunClock {
  constructor(
    private readonly sim: TSimulation,
    private readonly agent: TAgent,
    readonly runId: string,
    private readonly random: TRandom,
    public t: number,
  ) {}

  get over(): boolean {
    return this.t > this.sim.end;
  }

  /** Reports what the SDK would, stamped with the run's clock; nothing after the end of the history. */
  report(event: Omit<TRunEvent, "id" | "runId" | "occurredAt">, at = this.t): void {
    if (at > this.sim.end) return;
    this.sim.events.report(this.agent.principal, {
      ...event,
      id: this.random.uuid(),
      runId: this.runId,
      occurredAt: new Date(at).toISOString(),
    });
  }

  async decide(call: TCall, approvalId?: string): Promise<TDecisionResponse> {
    const input: TDecisionRequestInput = {
      decisionId: this.random.uuid(),
      runId: this.runId,
      tool: call.tool,
      arguments: call.args,
      dataClasses: this.agent.dataClasses,
      model: call.model,
      ...(approvalId ? { approvalId } : {}),
    };
    const body = await this.sim.gate.decide(this.agent.principal, input, this.t);
    const answer = JSON.parse(body.toString("utf8")) as TDecisionResponse;
    this.sim.tally.decision(answer);
    return answer;
  }
}

/** decide → (approval) → tool, with one retry after a rate limit; advances the run's clock. */
async function callTool(sim: TSimulation, run: RunClock, random: TRandom, call: TCall, runaway = false): Promise<TCallResult> {
  const askedAt = run.t;
  let decision = await run.decide(call);
  const denied = (d: TDecisionResponse, latencyMs: number) =>
    run.report({
      type: "tool_call",
      tool: call.tool,
      model: call.model,
      decisionId: d.decisionId,
      outcome: "denied",
      latencyMs,
      data: { arguments: call.args, reasons: d.reasons },
    });

  // A runaway loop does not back off: it goes straight on to its next call.
  if (decision.outcome === "deny" && decision.retryAfterSeconds && !runaway) {
    denied(decision, random.int(2, 12));
    run.t += decision.retryAfterSeconds * SECOND + random.int(100, 900);
    if (run.over) return "waiting";
    decision = await run.decide(call);
  }
  if (decision.outcome === "require_approval" && decision.approvalId && decision.approvalExpiresAt) {
    const settled = await settleApproval({
      db: sim.db,
      random,
      approvers: sim.approvers,
      approval: {
        id: decision.approvalId,
        approvalsRequired: decision.approvalsRequired,
        requestedAt: run.t,
        expiresAt: Date.parse(decision.approvalExpiresAt),
      },
    });
    sim.tally.approval(settled.status);
    if (settled.status === "PENDING") return "waiting";
    // The SDK's long poll returns as soon as the request leaves PENDING; the gate then says what it means.
    run.t = settled.at + random.int(300, 2_500);
    if (run.over) return "waiting";
    decision = await run.decide(call, decision.approvalId);
  }
  const gateMs = Math.max(1, run.t - askedAt) + random.int(2, 12);
  if (decision.outcome !== "allow") {
    denied(decision, gateMs);
    run.t += gateMs;
    return "denied";
  }
  run.report({
    type: "tool_call",
    tool: call.tool,
    model: call.model,
    decisionId: decision.decisionId,
    latencyMs: gateMs,
    data: { arguments: call.args, decidedBy: "gate" },
  });
  const degraded = effectsAt(sim.plan, run.t).toolDegraded(call.tool);
  const latencyMs = Math.round(random.logNormal(TOOL_LATENCY_MS[call.tool] ?? 300, 0.45) * (degraded ? 6 : 1));
  const failed = random.chance(degraded ? 0.45 : 0.012);
  run.t += gateMs + latencyMs;
  const result = failed
    ? {
        outcome: "failure" as const,
        data: { error: degraded ? "Error: upstream 503 Service Unavailable" : "Error: request timed out after 10 s" },
      }
    : { outcome: "success" as const, data: { result: "ok" } };
  run.report({ type: "tool_result", tool: call.tool, model: call.model, decisionId: decision.decisionId, latencyMs, ...result });
  return failed ? "failed" : "ok";
}

function expand(profile: TProfile, steps: TStep[], plannedRun: TPlannedRun, random: TRandom): TStep[] {
  const expanded = steps.flatMap((step) => Array.from({ length: (step.repeat && plannedRun.runaway) || step.repeat || 1 }, () => step));
  if (profile.strayTool && random.chance(profile.strayTool.probability)) {
    expanded.splice(random.int(0, expanded.length), 0, { tool: profile.strayTool.tool, essential: false });
  }
  return expanded;
}

/** Thinks before a step; answers the model the step is made with, or null when no model answered. */
function think(sim: TSimulation, run: RunClock, agent: TAgent, random: TRandom): string | null {
  const { profile } = agent;
  const model = profile.strayModel && random.chance(profile.strayModel.probability) ? profile.strayModel.model : agent.model;
  if (effectsAt(sim.plan, run.t).providerDown(model) && random.chance(0.7)) {
    const latencyMs = random.int(800, 30_000);
    run.t += latencyMs;
    run.report({ type: "model_call", model, outcome: "failure", latencyMs, data: { error: "502 Bad Gateway from the model provider" } });
    run.report({
      type: "error",
      model,
      data: { message: `Model ${model} failed; ${profile.fallbackModel ? `falling back to ${profile.fallbackModel}` : "giving up"}` },
    });
    return profile.fallbackModel ?? null;
  }
  const latencyMs = Math.round(random.logNormal(1_400, 0.5));
  run.t += latencyMs;
  run.report({ type: "model_call", model, outcome: "success", latencyMs, data: { tokens: random.int(300, 4_000) } });
  return model;
}

export async function simulateRun(sim: TSimulation, agent: TAgent, plannedRun: TPlannedRun): Promise<void> {
  const { random } = plannedRun;
  if (plannedRun.startAt >= sim.end) return;
  const run = new RunClock(sim, agent, random.uuid(), random, plannedRun.startAt);
  sim.tally.runs++;
  run.report({
    type: "run_started",
    model: agent.model,
    data: { trigger: agent.profile.rhythm === "nightly-batch" ? "schedule" : "queue" },
  });
  const steps = expand(agent.profile, agent.profile.recipe(random, plannedRun.options), plannedRun, random);
  let outcome: "success" | "failure" | "denied" = "success";
  let previous: string | null = null;
  let model: string | null = agent.model;
  for (const step of steps) {
    // Repeats of a bulk step go out a few seconds apart without asking the model again.
    if (step.tool !== previous) model = think(sim, run, agent, random);
    else run.t += plannedRun.runaway ? random.int(50, 200) : random.int(300, 4_000);
    previous = step.tool;
    if (!model) {
      outcome = "failure";
      break;
    }
    const call = { tool: step.tool, args: argumentsFor(agent.profile.faults, step.tool, random), model };
    const runaway = Boolean(plannedRun.runaway);
    let result = await callTool(sim, run, random, call, runaway);
    if (result === "failed" && random.chance(0.5)) result = await callTool(sim, run, random, { ...call }, runaway);
    if (result === "waiting" || run.over) return;
    if (result === "ok" && agent.profile.undoable?.includes(step.tool)) undoSometimes(run, random, call.tool);
    // A runaway loop ignores whatever goes wrong and carries on.
    if (!runaway && (result === "failed" || (result === "denied" && step.essential))) {
      outcome = result === "failed" ? "failure" : "denied";
      if (result === "failed")
        run.report({ type: "error", tool: call.tool, data: { message: `${call.tool} failed twice; the run gives up` } });
      break;
    }
  }
  run.t += random.int(50, 400);
  run.report({ type: "run_ended", outcome, data: {} });
}

function undoSometimes(run: RunClock, random: TRandom, tool: string): void {
  if (random.chance(0.004))
    run.report({ type: "rollback", tool, data: { reason: "Reverted after a customer complaint" } }, run.t + random.int(60, 3_600) * SECOND);
  else if (random.chance(0.006))
    run.report(
      { type: "human_override", tool, data: { by: "on-call agent", note: "Corrected the agent's output by hand" } },
      run.t + random.int(60, 1_800) * SECOND,
    );
}
