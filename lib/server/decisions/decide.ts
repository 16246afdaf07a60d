import "server-only";
import { randomUUID } from "node:crypto";
import type { TDecisionReason, TDecisionRequestInput, TDecisionResponse } from "@/lib/contracts/decisions";
import { checkArguments } from "./check-arguments";
import { checkDataClasses } from "./check-data-classes";
import { checkKillSwitches } from "./check-kill-switches";
import { checkModel } from "./check-model";
import { checkWorkflowState } from "./check-workflow-state";
import { evaluateCedarPolicies } from "./evaluate-cedar-policies";
import { hashArguments } from "../shared/hash-arguments";
import type { TCompiledWorkflowSnapshot, TEnvironment, TKillSwitchView, TRateLimiter } from "./types";

export type TDecideOptions = {
  snapshot: TCompiledWorkflowSnapshot;
  request: TDecisionRequestInput;
  token: { environment: TEnvironment };
  killSwitches: TKillSwitchView;
  rateLimiter: TRateLimiter;
  /** Epoch milliseconds. */
  now: number;
};

type TAnswerBase = Omit<TDecisionResponse, "outcome" | "reasons">;

/**
 * Field by field rather than `{ ...base, outcome, reasons }`: on Node 20, V8 gives a spread of a
 * small object plus new properties its property store in the old generation, so every decision
 * left ~900 B there that only a full collection frees (and that kept the young strings it points
 * to alive through each scavenge): the gate's major GCs and most of its scavenge copying
 * (bench/decision-engine.ts prints what a decision leaves there).
 */
function answer<O extends TDecisionResponse["outcome"]>(base: TAnswerBase, outcome: O, reasons: TDecisionReason[]) {
  const { decisionId, runId, workflowKey, tool, decidedAt, registryVersion, tier, argumentsHash } = base;
  return { decisionId, runId, workflowKey, tool, decidedAt, registryVersion, tier, argumentsHash, outcome, reasons } as Extract<
    TDecisionResponse,
    { outcome: O }
  >;
}

/**
 * The run-time gate: the ten rules of PRODUCT.md in order, from memory only. Evaluation stops at
 * the first rule that fires and its reasons (one per thing it found) are the answer, so deny
 * overrides everything after it: an unknown tool is reported as rule 3 even when its rate limit
 * is spent, and a rate-limit token is taken only once rules 1–6 have passed.
 */
export function decide(options: TDecideOptions): TDecisionResponse {
  const { snapshot, request, now } = options;
  const grant = snapshot.tools.get(request.tool);
  const base: TAnswerBase = {
    decisionId: request.decisionId ?? randomUUID(),
    runId: request.runId,
    workflowKey: snapshot.workflowKey,
    tool: request.tool,
    decidedAt: new Date(now).toISOString(),
    registryVersion: snapshot.registryVersion,
    tier: grant?.tier ?? null,
    argumentsHash: hashArguments({ args: request.arguments }),
  };
  const deny = (reasons: TDecisionReason[]) => answer(base, "deny", reasons);

  let reasons = checkKillSwitches({
    killSwitches: options.killSwitches,
    workflowKey: snapshot.workflowKey,
    tool: request.tool,
    model: request.model,
  });
  if (reasons.length) return deny(reasons);

  reasons = checkWorkflowState({ snapshot, tokenEnvironment: options.token.environment });
  if (reasons.length) return deny(reasons);

  if (!grant) {
    return deny([
      { rule: 3, code: "tool_not_allowed", message: `Tool ${request.tool} is not on the allowlist of workflow ${snapshot.workflowKey}` },
    ]);
  }

  reasons = checkArguments({ grant, workflowKey: snapshot.workflowKey, args: request.arguments });
  if (reasons.length) return deny(reasons);

  const data = checkDataClasses({ snapshot, dataClasses: request.dataClasses, args: request.arguments });
  if (data.reasons.length) return deny(data.reasons);

  reasons = checkModel({ snapshot, model: request.model, sensitivity: data.sensitivity, sensitivitySource: data.sensitivitySource });
  if (reasons.length) return deny(reasons);

  if (grant.ratePerMinute !== null) {
    const take = options.rateLimiter.tryTake({ key: grant.rateKey, perMinute: grant.ratePerMinute, now });
    if (!take.ok) {
      const message = `Workflow ${snapshot.workflowKey} may call ${grant.key} at most ${grant.ratePerMinute} times per minute; retry in ${take.retryAfterSeconds} s`;
      return Object.assign(deny([{ rule: 7, code: "rate_limited", message }]), { retryAfterSeconds: take.retryAfterSeconds });
    }
  }

  reasons = evaluateCedarPolicies({
    slice: grant.cedar,
    problems: snapshot.cedarProblems,
    workflowKey: snapshot.workflowKey,
    tool: grant.key,
    facts: {
      environment: snapshot.environment,
      consequence: grant.consequence,
      tier: grant.tier,
      sensitivity: data.sensitivity,
      dataClasses: request.dataClasses,
      tags: data.tags,
      detectedTags: data.detectedTags,
      model: request.model,
      args: request.arguments,
    },
  });
  if (reasons.length) return deny(reasons);

  if (grant.tier === "T2" || grant.tier === "T3") {
    const approvalsRequired = grant.tier === "T3" ? 2 : 1;
    const approvers = approvalsRequired === 1 ? "1 approver" : `${approvalsRequired} distinct approvers`;
    const message = `${grant.key} is ${grant.tier} (${grant.consequence}) for workflow ${snapshot.workflowKey}: ${approvers} must approve these exact arguments (SHA-256 ${base.argumentsHash.slice(0, 12)}…)`;
    return Object.assign(answer(base, "require_approval", [{ rule: 9, code: "approval_required", message }]), {
      tier: grant.tier,
      approvalsRequired,
    });
  }

  return answer(base, "allow", [{ rule: 10, code: "allowed", message: `Allowed: ${grant.key} is ${grant.tier} and no rule stops it` }]);
}
