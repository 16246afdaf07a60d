import "server-only";
import type { PolicyJson } from "@cedar-policy/cedar-wasm/nodejs";
import { CEDAR_CONTEXT_ATTRIBUTES, type TCedarContextAttribute } from "./cedar-schema";

const KNOWN = new Set<string>(CEDAR_CONTEXT_ATTRIBUTES);

const isContext = (node: unknown): boolean => typeof node === "object" && node !== null && (node as { Var?: unknown }).Var === "context";

function walk(node: unknown, found: Set<TCedarContextAttribute>): boolean {
  if (Array.isArray(node)) return node.every((child) => walk(child, found));
  if (typeof node !== "object" || node === null) return true;
  const record = node as Record<string, unknown>;
  if (isContext(record)) return false;
  for (const [key, value] of Object.entries(record)) {
    const access =
      (key === "." || key === "has") && typeof value === "object" && value !== null ? (value as { left?: unknown; attr?: unknown }) : null;
    if (access && isContext(access.left)) {
      const attr = Array.isArray(access.attr) ? access.attr[0] : access.attr;
      if (typeof attr === "string" && KNOWN.has(attr)) found.add(attr as TCedarContextAttribute);
      continue;
    }
    if (!walk(value, found)) return false;
  }
  return true;
}

/**
 * The context attributes `policies` can read. Cedar names attributes literally, so any use of
 * `context` other than `context.x` or `context has x` (e.g. `context == {…}`) means all of them.
 * Unknown attributes are left out: reading one errors whether or not it is sent.
 */
export function findContextAttributes(options: { policies: readonly PolicyJson[] }): Set<TCedarContextAttribute> {
  const found = new Set<TCedarContextAttribute>();
  for (const policy of options.policies) {
    if (!walk(policy.conditions, found)) return new Set(CEDAR_CONTEXT_ATTRIBUTES);
  }
  return found;
}
