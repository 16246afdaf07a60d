import "server-only";
import { hash } from "node:crypto";
import { canonicalJson } from "./canonical-json";

/**
 * SHA-256 (hex) of the arguments as canonical JSON, keys sorted at every depth: the same call
 * hashes the same whatever its key order, and an approval binds to exactly these arguments.
 */
export function hashArguments(options: { args: unknown }): string {
  // One-shot rather than createHash(): no native Hash object (with a weak handle the young
  // collector must process) per decision.
  return hash("sha256", canonicalJson(options.args), "hex");
}
