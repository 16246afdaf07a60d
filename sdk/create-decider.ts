import { ZDecisionResponse, type TDecisionRequest } from "@/lib/contracts/decisions";
import type { TKillSwitchState } from "@/lib/contracts/killswitch";
import type { TApprovalTier } from "@/lib/contracts/registry-enums";
import { backoffDelay, delay, type TBackoff } from "./backoff";
import { TollgateUnreachableError } from "./errors";
import type { TGateHttp } from "./gate-http";
import type { TKillSwitchLease } from "./kill-switch-lease";
import type { TDecision, TLocalDecision, TLocalReasonCode } from "./types";

export type TResolvedCall = Required<Pick<TDecisionRequest, "runId" | "tool" | "arguments" | "dataClasses" | "model">> & {
  approvalId?: string;
  signal?: AbortSignal;
  /** guard screens the tool's result before returning it. */
  screenResult?: boolean;
};

export type TDecideRetry = { attempts: number; backoff: TBackoff };

export type TDecider = ReturnType<typeof createDecider>;

const describeTier = (tier: TApprovalTier | undefined) => (tier ? `a ${tier} tool` : "a tool whose tier this client has not learned yet");

function describeSwitch(killSwitch: TKillSwitchState): string {
  const what =
    killSwitch.scope === "GLOBAL" ? "the GLOBAL kill switch" : `the kill switch on ${killSwitch.scope.toLowerCase()} ${killSwitch.target}`;
  return `${what} is engaged (${killSwitch.reason})`;
}

/**
 * Asks the gate, but answers locally when it must not or cannot: an engaged switch covering the
 * call denies at once; a lapsed lease or an unreachable gate fails closed, except that a tool last
 * known to be T0 is allowed when `failOpenT0` is set. A tool this client never heard the gate
 * classify counts as T1+.
 */
export function createDecider(options: { http: TGateHttp; lease: TKillSwitchLease; failOpenT0: boolean; retry: TDecideRetry }) {
  const tiers = new Map<string, TApprovalTier>();

  const local = (call: TResolvedCall, outcome: TLocalDecision["outcome"], code: TLocalReasonCode, message: string): TLocalDecision => ({
    source: "local",
    outcome,
    runId: call.runId,
    tool: call.tool,
    tier: tiers.get(call.tool) ?? null,
    decidedAt: new Date().toISOString(),
    reasons: [{ code, message }],
  });

  async function ask(call: TResolvedCall) {
    const { runId, tool, arguments: args, dataClasses, model, approvalId, signal } = call;
    // Named field by field: a call carries SDK-side options (screenResult) the gate does not take.
    const body = {
      runId,
      tool,
      arguments: args,
      dataClasses,
      model,
      ...(approvalId ? { approvalId } : {}),
      decisionId: crypto.randomUUID(),
    } satisfies TDecisionRequest;
    for (let attempt = 0; ; attempt++) {
      try {
        // The same decisionId on a retry: the gate answers from the decision it recorded.
        return await options.http.request({ method: "POST", path: "/api/v1/decisions", body, schema: ZDecisionResponse, signal });
      } catch (error) {
        if (!(error instanceof TollgateUnreachableError) || attempt + 1 >= options.retry.attempts || signal?.aborted) throw error;
        await delay(error.retryAfterMs ?? backoffDelay(attempt, options.retry.backoff), signal);
      }
    }
  }

  return {
    tierOf: (tool: string): TApprovalTier | null => tiers.get(tool) ?? null,

    async decide(call: TResolvedCall): Promise<TDecision> {
      await options.lease.ready();
      const halt = options.lease.haltFor(call);
      if (halt) return local(call, "deny", "kill_switch_engaged", `${call.tool} is halted: ${describeSwitch(halt)}`);
      const tier = tiers.get(call.tool);
      const failOpen = tier === "T0" && options.failOpenT0;
      const leaseState = options.lease.state();
      if (leaseState !== "held" && !failOpen) {
        const why = options.lease.lastError();
        const message = `The kill-switch lease is ${leaseState}${why ? ` (${why})` : ""}, so a halt may have been missed; ${call.tool} is ${describeTier(tier)} and is denied until the lease is renewed`;
        return local(call, "deny", "kill_switch_state_unknown", message);
      }
      try {
        const decision = await ask(call);
        if (decision.tier) tiers.set(call.tool, decision.tier);
        return { ...decision, source: "gate" };
      } catch (error) {
        call.signal?.throwIfAborted();
        if (!(error instanceof TollgateUnreachableError)) throw error;
        if (failOpen)
          return local(
            call,
            "allow",
            "fail_open_t0",
            `The gate is unreachable (${error.message}); ${call.tool} is T0 and failOpenT0 allows it`,
          );
        return local(
          call,
          "deny",
          "gate_unreachable",
          `The gate is unreachable (${error.message}); ${call.tool} is ${describeTier(tier)}, so it is denied (fail closed)`,
        );
      }
    },
  };
}
