import "server-only";
import { createHash } from "node:crypto";
import { preparsePolicySet, type PolicyJson } from "@cedar-policy/cedar-wasm/nodejs";
import { canPolicyFire } from "./can-policy-fire";
import { CEDAR_DEFAULT_PERMIT, CEDAR_DEFAULT_PERMIT_ID } from "./cedar-schema";
import { findContextAttributes } from "./find-context-attributes";
import { matchPolicyScope } from "./match-policy-scope";
import { readCedarPolicies } from "./read-cedar-policies";
import type { TCedarPolicyRef, TCedarProblem, TCedarSlice, TEnvironment, TWorkflowRegistryRecord } from "./types";

type TCandidate = TCedarPolicyRef & { id: string; text: string; json: PolicyJson };

// Slices are named by their content, so workflows whose tools face the same policies share one
// pre-parsed set, and a snapshot still in use during a refresh keeps exactly the set it compiled.
const slices = new Map<string, TCedarSlice>();
const SLICE_LIMIT = 10_000;

function sliceOf(live: readonly TCandidate[]): TCedarSlice | TCedarProblem[] {
  const content = JSON.stringify(live.map((p) => [p.id, p.version, p.text]));
  const known = slices.get(content);
  if (known) return known;
  const policySetId = `tollgate/${createHash("sha256").update(content).digest("hex").slice(0, 32)}`;
  const staticPolicies: Record<string, string> = { [CEDAR_DEFAULT_PERMIT_ID]: CEDAR_DEFAULT_PERMIT };
  for (const p of live) staticPolicies[p.id] = p.text;
  const parsed = preparsePolicySet(policySetId, { staticPolicies });
  if (parsed.type === "failure") {
    const message = parsed.errors.map((e) => e.message).join("; ");
    return live.map((p) => ({ key: p.key, version: p.version, message }));
  }
  const slice: TCedarSlice = Object.freeze({
    policySetId,
    staticPolicies: Object.freeze(staticPolicies),
    sources: new Map(live.map((p) => [p.id, Object.freeze({ key: p.key, version: p.version })])),
    contextAttributes: findContextAttributes({ policies: live.map((p) => p.json) }),
  });
  if (slices.size >= SLICE_LIMIT) slices.clear();
  slices.set(content, slice);
  return slice;
}

/**
 * For each of a workflow's tools, the custom forbid policies that can fire on its calls, pre-parsed
 * into Cedar's thread-local cache (null: none can, and rule 8 costs nothing for that tool). A
 * policy is kept when its scope can match the workflow and tool and Cedar's partial evaluation
 * cannot rule it out from the workflow's environment and the tool's consequence and tier.
 */
export function compileCedarSlices(options: {
  workflowKey: string;
  environment: TEnvironment;
  tools: readonly { key: string; consequence: string; tier: string }[];
  policies: TWorkflowRegistryRecord["policies"];
}): { byTool: Map<string, TCedarSlice | null>; problems: TCedarProblem[] } {
  const { workflowKey, environment } = options;
  const problems: TCedarProblem[] = [];
  const candidates: TCandidate[] = [];
  for (const { key, version, text } of options.policies) {
    const read = readCedarPolicies({ text });
    if (!read.ok) problems.push({ key, version, message: read.message });
    else
      read.policies.forEach((p, i) =>
        candidates.push({ key, version, id: read.policies.length === 1 ? key : `${key}#${i + 1}`, text: p.text, json: p.json }),
      );
  }
  const byTool = new Map<string, TCedarSlice | null>();
  for (const tool of options.tools) {
    const facts = { environment, consequence: tool.consequence, tier: tool.tier };
    const live = candidates.filter(
      (c) => matchPolicyScope({ json: c.json, workflowKey, toolKey: tool.key }) && canPolicyFire({ policy: c.text, facts }),
    );
    const slice = live.length === 0 ? null : sliceOf(live);
    if (Array.isArray(slice)) problems.push(...slice);
    byTool.set(tool.key, Array.isArray(slice) ? null : slice);
  }
  return { byTool, problems };
}
