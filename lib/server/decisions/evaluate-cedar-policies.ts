import "server-only";
import { preparsePolicySet, statefulIsAuthorized, type AuthorizationAnswer, type Context } from "@cedar-policy/cedar-wasm/nodejs";
import type { TDecisionReason } from "@/lib/contracts/decisions";
import { buildCedarContext, type TCedarFacts } from "./build-cedar-context";
import type { TCedarProblem, TCedarSlice } from "./types";

const ACTION = { type: "Action", id: "call" } as const;

// Cedar is a pure function of the policy set and the request (no clock, no entities here), and
// most calls repeat a handful of contexts: a repeated request is answered without the ~15–50 µs
// wasm round trip. Keyed by the pre-parsed set's content-derived id, so a policy change misses.
const answers = new Map<string, readonly TDecisionReason[]>();
const ANSWER_LIMIT = 50_000;

function authorize(slice: TCedarSlice, workflowKey: string, tool: string, context: Context): AuthorizationAnswer {
  return statefulIsAuthorized({
    principal: { type: "Workflow", id: workflowKey },
    action: ACTION,
    resource: { type: "Tool", id: tool },
    context,
    preparsedPolicySetId: slice.policySetId,
    entities: [],
  });
}

function reasonsOf(slice: TCedarSlice, answer: AuthorizationAnswer & { type: "success" }): TDecisionReason[] {
  const { decision, diagnostics } = answer.response;
  const named = (id: string) => {
    const source = slice.sources.get(id);
    return source ? `Policy ${source.key} (v${source.version})${id === source.key ? "" : ` [${id}]`}` : `Policy ${id}`;
  };
  const reasons: TDecisionReason[] = [];
  if (decision === "deny") {
    for (const id of diagnostics.reason) reasons.push({ rule: 8, code: "policy_forbids", message: `${named(id)} forbids this call` });
  }
  for (const { policyId, error } of diagnostics.errors) {
    reasons.push({
      rule: 8,
      code: "policy_forbids",
      message: `${named(policyId)} failed to evaluate (${error.message}), and a policy that cannot be evaluated forbids`,
    });
  }
  if (decision === "deny" && reasons.length === 0)
    reasons.push({ rule: 8, code: "policy_forbids", message: "Custom policies forbid this call" });
  return reasons;
}

/**
 * Rule 8: the tool's slice of custom Cedar policies, used only to forbid. A forbid that matches
 * denies; so does one that errors, a policy that cannot be read, and a slice that cannot be evaluated.
 */
export function evaluateCedarPolicies(options: {
  slice: TCedarSlice | null;
  problems: readonly TCedarProblem[];
  workflowKey: string;
  tool: string;
  facts: TCedarFacts;
}): TDecisionReason[] {
  const { slice, workflowKey, tool } = options;
  const broken = options.problems.map<TDecisionReason>((p) => ({
    rule: 8,
    code: "policy_forbids",
    message: `Policy ${p.key} (v${p.version}) cannot be parsed, and an unreadable policy forbids everything: ${p.message}`,
  }));
  if (broken.length > 0 || slice === null) return broken;

  const context = buildCedarContext({ attributes: slice.contextAttributes, facts: options.facts });
  const key = `${slice.policySetId}\n${workflowKey}\n${tool}\n${JSON.stringify(context)}`;
  const known = answers.get(key);
  if (known) return [...known];

  let answer = authorize(slice, workflowKey, tool, context);
  // The pre-parsed set lives in this thread's wasm memory; a fresh thread or module instance starts empty.
  if (answer.type === "failure" && preparsePolicySet(slice.policySetId, { staticPolicies: slice.staticPolicies }).type === "success") {
    answer = authorize(slice, workflowKey, tool, context);
  }
  if (answer.type === "failure") {
    return [
      {
        rule: 8,
        code: "policy_forbids",
        message: `Custom policies could not be evaluated, so the call is forbidden: ${answer.errors.map((e) => e.message).join("; ")}`,
      },
    ];
  }
  const reasons = reasonsOf(slice, answer);
  if (answers.size >= ANSWER_LIMIT) answers.clear();
  answers.set(key, Object.freeze(reasons.map((r) => Object.freeze(r))));
  return reasons;
}
