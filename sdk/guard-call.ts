import { ZApprovalState } from "@/lib/contracts/approvals";
import type { TBackoff } from "./backoff";
import type { TDecider, TResolvedCall } from "./create-decider";
import { TollgateDeniedError } from "./errors";
import type { TGateHttp } from "./gate-http";
import { screenToolResult } from "./screen";
import { summarizeForEvent } from "./summarize-for-event";
import type { TDecision, TReportEvent } from "./types";
import { waitForApproval } from "./wait-for-approval";

export type TGuardContext = {
  http: TGateHttp;
  decider: TDecider;
  report: (event: TReportEvent) => void;
  approvals: { pollSeconds: number; retry: TBackoff };
};

type TRequireApproval = Extract<TDecision, { outcome: "require_approval" }>;

/**
 * Waits until people decide, then asks the gate again with the approval: the gate, not this
 * client, says whether it is granted for these exact arguments, denied, expired or already used,
 * and records that answer.
 */
async function decideWithApproval(context: TGuardContext, call: TResolvedCall, decision: TRequireApproval): Promise<TDecision> {
  let approvalId = decision.approvalId;
  let expiresAt = decision.approvalExpiresAt;
  if (!approvalId) {
    const { runId, tool, arguments: args, dataClasses, model } = call;
    const created = await context.http.request({
      method: "POST",
      path: "/api/v1/approvals",
      body: { runId, tool, arguments: args, dataClasses, model },
      schema: ZApprovalState,
      signal: call.signal,
    });
    approvalId = created.id;
    expiresAt = created.expiresAt;
  }
  await waitForApproval({ http: context.http, approvalId, expiresAt, ...context.approvals, signal: call.signal });
  return context.decider.decide({ ...call, approvalId });
}

/**
 * decide → (wait for approval → decide again) → run → report. `fn` runs only on an allow; any
 * other answer throws TollgateDeniedError. Reports a tool_call event (latency: time at the gate,
 * approvals included) and, when the tool ran, a tool_result event (latency: the tool's own). With
 * `screenResult`, the result is screened before it is returned (see screenToolResult).
 */
export async function guardCall<T>(context: TGuardContext, call: TResolvedCall, fn: () => T | Promise<T>): Promise<Awaited<T>> {
  const startedAt = performance.now();
  const event = { runId: call.runId, tool: call.tool, model: call.model };
  let decision: TDecision;
  try {
    decision = await context.decider.decide(call);
    if (decision.outcome === "require_approval") decision = await decideWithApproval(context, call, decision);
  } catch (error) {
    if (call.signal?.aborted) context.report({ ...event, type: "tool_call", outcome: "cancelled", data: { arguments: call.arguments } });
    throw error;
  }
  const decisionId = decision.source === "gate" ? decision.decisionId : undefined;
  const gateMs = Math.round(performance.now() - startedAt);
  if (decision.outcome !== "allow") {
    context.report({
      ...event,
      type: "tool_call",
      decisionId,
      outcome: "denied",
      latencyMs: gateMs,
      data: { arguments: call.arguments, reasons: decision.reasons },
    });
    throw new TollgateDeniedError(decision);
  }
  context.report({
    ...event,
    type: "tool_call",
    decisionId,
    latencyMs: gateMs,
    data: { arguments: call.arguments, decidedBy: decision.source },
  });
  const ranAt = performance.now();
  const latency = () => Math.round(performance.now() - ranAt);
  try {
    const raw = await fn();
    context.report({
      ...event,
      type: "tool_result",
      decisionId,
      outcome: "success",
      latencyMs: latency(),
      data: { result: summarizeForEvent(raw) },
    });
    if (!call.screenResult) return raw;
    const { http } = context;
    return await screenToolResult({ http, tool: call.tool, result: raw, model: call.model, runId: call.runId, signal: call.signal });
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    context.report({ ...event, type: "tool_result", decisionId, outcome: "failure", latencyMs: latency(), data: { error: message } });
    throw error;
  }
}
