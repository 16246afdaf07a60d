import "server-only";
import { createHash } from "node:crypto";
import { canonicalJson } from "../audit/hash-chain";

/**
 * SHA-256 (hex) of the arguments as canonical JSON, keys sorted at every depth: the same call
 * hashes the same whatever its key order, and an approval binds to exactly these arguments.
 */
export function hashArguments(options: { args: unknown }): string {
  return createHash("sha256").update(canonicalJson(options.args)).digest("hex");
}
