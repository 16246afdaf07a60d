import "server-only";
import type { ErrorObject } from "ajv/dist/2020";
import { scanForSensitiveData } from "../dlp/scan-for-sensitive-data";
import { formatArgumentPath } from "./format-argument-path";

export type TSchemaProblem = { path: string; message: string };

// Enough to fix the call; a huge invalid array must not turn into a huge decision record.
const MAX_PROBLEMS = 10;
const NUMERIC = new Set(["maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf"]);

function segmentsOf(pointer: string, data: unknown): (string | number)[] {
  if (pointer === "") return [];
  let node = data;
  return pointer
    .slice(1)
    .split("/")
    .map((raw) => {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      const segment = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key;
      node = typeof node === "object" && node !== null ? (node as Record<string | number, unknown>)[segment] : undefined;
      return segment;
    });
}

function valueAt(segments: readonly (string | number)[], data: unknown): unknown {
  return segments.reduce<unknown>(
    (node, s) => (typeof node === "object" && node !== null ? (node as Record<string | number, unknown>)[s] : undefined),
    data,
  );
}

function describe(error: ErrorObject, data: unknown, owner: string): TSchemaProblem {
  const segments = segmentsOf(error.instancePath, data);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required" && typeof params.missingProperty === "string") {
    const full = [...segments, params.missingProperty];
    return {
      path: formatArgumentPath({ segments: full }),
      message: `${formatArgumentPath({ segments: full, root: "arguments" })} is required by ${owner}`,
    };
  }
  if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    const full = [...segments, params.additionalProperty];
    const subject = formatArgumentPath({ segments: full, root: "arguments" });
    return { path: formatArgumentPath({ segments: full }), message: `${subject} is not allowed by ${owner}, which names no such argument` };
  }
  const path = formatArgumentPath({ segments });
  const subject = formatArgumentPath({ segments, root: "arguments" });
  const rule = error.message ?? `fails ${error.keyword}`;
  // Only numbers are echoed: a failing string may be the very secret or card number at stake.
  const value = valueAt(segments, data);
  // …and a number that is itself a card number is not.
  const shown = NUMERIC.has(error.keyword) && typeof value === "number" && !scanForSensitiveData({ value }).tags.size ? ` = ${value}` : "";
  const allowed = Array.isArray(params.allowedValues) ? `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}` : "";
  return { path, message: `${subject}${shown} ${rule}${allowed} (${error.keyword} in ${owner})` };
}

/**
 * ajv's errors for `data` as problems a person can act on: which argument, which limit, whose
 * rule (`owner`, e.g. "the contract of tool stripe.refund").
 */
export function describeSchemaErrors(options: { errors: readonly ErrorObject[]; data: unknown; owner: string }): TSchemaProblem[] {
  return options.errors.slice(0, MAX_PROBLEMS).map((error) => describe(error, options.data, options.owner));
}
