import "server-only";
import { canonicalJson } from "../shared/canonical-json";
import { compileJsonSchema } from "../shared/json-schema";
import type { TSchemaCheck } from "./types";

// A tool's contract is the same object content in every workflow that allowlists it, and ajv
// keeps every schema it compiles: compile each distinct schema once per process. A loader that
// hands every workflow the same catalog object skips even the canonical JSON.
const compiled = new Map<string, TSchemaCheck>();
const byObject = new WeakMap<object, TSchemaCheck>();

function compile(schema: unknown): TSchemaCheck {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    return { validate: null, problem: "it is not a JSON Schema object" };
  }
  // A top-level $id would register the schema by name in the shared ajv, so the next version of
  // the same tool's contract (same $id, new content) would fail to compile.
  const anonymous: Record<string, unknown> = { ...schema };
  delete anonymous.$id;
  try {
    return { validate: compileJsonSchema(anonymous), problem: null };
  } catch (error) {
    return { validate: null, problem: `it does not compile (${(error as Error).message})` };
  }
}

/** A validator for one JSON Schema, compiled once and shared by every snapshot that uses it. */
export function compileArgumentValidator(options: { schema: unknown }): TSchemaCheck {
  const { schema } = options;
  const isObject = typeof schema === "object" && schema !== null;
  const seen = isObject ? byObject.get(schema) : undefined;
  if (seen) return seen;
  const key = canonicalJson(schema);
  const check = compiled.get(key) ?? compile(schema);
  compiled.set(key, check);
  if (isObject) byObject.set(schema, check);
  return check;
}
