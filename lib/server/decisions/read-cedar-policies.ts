import "server-only";
import { policySetTextToParts, policyToJson, type PolicyJson } from "@cedar-policy/cedar-wasm/nodejs";

export type TReadCedarPolicies = { ok: true; policies: readonly { text: string; json: PolicyJson }[] } | { ok: false; message: string };

// Every workflow's slice reads the same few policy texts: parse each text once per process.
const cache = new Map<string, TReadCedarPolicies>();
const CACHE_LIMIT = 1_000;

function read(text: string): TReadCedarPolicies {
  const parts = policySetTextToParts(text);
  if (parts.type === "failure") return { ok: false, message: parts.errors.map((e) => e.message).join("; ") };
  if (parts.policy_templates.length > 0) return { ok: false, message: "templates (?principal, ?resource) cannot be enforced" };
  const policies: { text: string; json: PolicyJson }[] = [];
  for (const policy of parts.policies) {
    const json = policyToJson(policy);
    if (json.type === "failure") return { ok: false, message: json.errors.map((e) => e.message).join("; ") };
    policies.push({ text: policy, json: json.json });
  }
  return { ok: true, policies };
}

/** The policies in one custom policy's text, each as text and as Cedar's JSON form. */
export function readCedarPolicies(options: { text: string }): TReadCedarPolicies {
  const cached = cache.get(options.text);
  if (cached) return cached;
  const result = read(options.text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(options.text, result);
  return result;
}
