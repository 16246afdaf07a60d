import "server-only";
import { isAuthorizedPartial, type Context } from "@cedar-policy/cedar-wasm/nodejs";
import { CEDAR_CONTEXT_ATTRIBUTES, CEDAR_DEFAULT_PERMIT, CEDAR_DEFAULT_PERMIT_ID } from "./cedar-schema";

export type TKnownFacts = { environment: string; consequence: string; tier: string };

const KNOWN = new Set<string>(["environment", "consequence", "tier"]);
const unknown = (name: string) => ({ __extn: { fn: "unknown", arg: name } });

// A few policy texts × 3 environments × 6 consequences × 4 tiers: each answer is computed once.
// Keyed by text first: the texts are the cached strings of readCedarPolicies, hashed once by V8.
const answers = new Map<string, Map<string, boolean>>();
const TEXT_LIMIT = 1_000;

function provablyQuiet(policy: string, context: Context): boolean {
  const answer = isAuthorizedPartial({
    principal: null,
    action: { type: "Action", id: "call" },
    resource: null,
    context,
    policies: { staticPolicies: { [CEDAR_DEFAULT_PERMIT_ID]: CEDAR_DEFAULT_PERMIT, candidate: policy } },
    entities: [],
  });
  return answer.type === "residuals" && answer.response.decision === "allow" && answer.response.errored.length === 0;
}

/**
 * Whether one forbid policy could forbid (or error on) some call of a tool whose environment,
 * consequence and tier are `facts`, by Cedar's own partial evaluation with everything else
 * unknown. `amount` may be absent, so both cases are tried. A policy that cannot fire for a tool
 * is left out of that tool's slice, and a tool with none left never calls Cedar at all. Cedar
 * keeps `unknown && false` as a residual (the left side might error), so conditions that test
 * environment, consequence or tier first are the ones pruned.
 */
export function canPolicyFire(options: { policy: string; facts: TKnownFacts }): boolean {
  const { policy, facts } = options;
  let byFacts = answers.get(policy);
  if (!byFacts) {
    if (answers.size >= TEXT_LIMIT) answers.clear();
    byFacts = new Map();
    answers.set(policy, byFacts);
  }
  const key = `${facts.environment}|${facts.consequence}|${facts.tier}`;
  const known = byFacts.get(key);
  if (known !== undefined) return known;
  const withoutAmount: Context = { ...facts };
  for (const name of CEDAR_CONTEXT_ATTRIBUTES) if (!KNOWN.has(name) && name !== "amount") withoutAmount[name] = unknown(name);
  const quiet = provablyQuiet(policy, withoutAmount) && provablyQuiet(policy, { ...withoutAmount, amount: unknown("amount") });
  byFacts.set(key, !quiet);
  return !quiet;
}
