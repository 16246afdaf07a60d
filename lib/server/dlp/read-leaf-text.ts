import "server-only";
import type { TKeyHint } from "./types";

/**
 * The text detectors see for a leaf: a string as is; an integer long enough to be a card number
 * (or any integer under an SSN- or phone-named key) in decimal, since `{ card: 4111111111111111 }`
 * is as sensitive as its string form; null for everything else.
 */
export function readLeafText(options: { value: unknown; hint: TKeyHint }): string | null {
  const { value, hint } = options;
  if (typeof value === "string") return value;
  if (typeof value !== "number" || !Number.isSafeInteger(value)) return null;
  return Math.abs(value) >= 1e12 || hint === "ssn" || hint === "phone" ? String(value) : null;
}

/** Arrays and plain objects are walked; class instances, dates, maps and buffers are left alone. */
export function isWalkable(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
