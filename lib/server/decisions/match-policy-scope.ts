import "server-only";
import type { EntityUidJson, PolicyJson } from "@cedar-policy/cedar-wasm/nodejs";

const uid = (e: EntityUidJson) => ("__entity" in e ? e.__entity : e);

/**
 * Whether a policy's scope can match `Workflow::"<workflowKey>"` calling `Tool::"<toolKey>"`.
 * It answers no only when the scope provably never matches; anything unclear is a yes, which is
 * always safe (the policy is just evaluated). Only forbids count: Tollgate permits by default.
 */
export function matchPolicyScope(options: { json: PolicyJson; workflowKey: string; toolKey: string }): boolean {
  const { json, workflowKey, toolKey } = options;
  if (json.effect !== "forbid") return false;
  const { principal, action, resource } = json;
  if ((principal.op === "==" || principal.op === "in") && "entity" in principal) {
    const { type, id } = uid(principal.entity);
    if (type !== "Workflow" || id !== workflowKey) return false;
  }
  if (principal.op === "is" && principal.entity_type !== "Workflow") return false;
  if (action.op === "==" && "entity" in action) {
    const { type, id } = uid(action.entity);
    if (type !== "Action" || id !== "call") return false;
  }
  if (action.op === "in") {
    const targets = "entities" in action ? action.entities : [action.entity];
    if (!targets.map(uid).some((t) => t.type === "Action" && t.id === "call")) return false;
  }
  if ((resource.op === "==" || resource.op === "in") && "entity" in resource) {
    const { type, id } = uid(resource.entity);
    if (type !== "Tool" || id !== toolKey) return false;
  }
  if (resource.op === "is" && resource.entity_type !== "Tool") return false;
  return true;
}
