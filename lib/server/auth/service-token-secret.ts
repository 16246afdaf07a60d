import "server-only";
import { hash, randomBytes } from "node:crypto";

const FORMAT = /^tg_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

/**
 * Tokens carry 256 random bits, so a fast hash is enough: no dictionary can reach them, and
 * lookups stay O(1) by hash on every runtime call.
 */
export function hashServiceToken(token: string): string {
  // One-shot: a Hash object per call is a native wrapper every young collection must visit.
  return hash("sha256", token, "hex");
}

export function generateServiceToken(): { token: string; prefix: string; tokenHash: string } {
  const prefix = randomBytes(8)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")
    .slice(0, 10)
    .padEnd(10, "0");
  const token = `tg_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { token, prefix, tokenHash: hashServiceToken(token) };
}

export function looksLikeServiceToken(token: string): boolean {
  return FORMAT.test(token);
}
