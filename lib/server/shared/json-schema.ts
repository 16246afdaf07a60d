import "server-only";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { TFieldProblem } from "@/lib/contracts/errors";
import { findInputProblems } from "../input/find-input-problems";

// One strict ajv per process: schemas are compiled once and reused on every check.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

/** Problems that make `schema` an invalid JSON Schema (draft 2020-12), each under `path`. */
export function jsonSchemaProblems(schema: unknown, path: string): TFieldProblem[] {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    return [{ path, message: "A JSON Schema must be an object" }];
  }
  // ajv validates and compiles recursively: a schema nested past the limit is refused before it.
  const tooDeep = findInputProblems({ value: schema, path, text: false });
  if (tooDeep.length) return tooDeep;
  const valid = ajv.validateSchema(schema);
  if (!valid) {
    return (ajv.errors ?? []).map((e) => ({ path, message: `JSON Schema ${e.instancePath || "(root)"} ${e.message ?? "is invalid"}` }));
  }
  try {
    ajv.compile(schema);
    return [];
  } catch (error) {
    return [{ path, message: `JSON Schema does not compile: ${(error as Error).message}` }];
  } finally {
    // ajv caches every schema object it compiles; a check must not grow the cache on every save.
    ajv.removeSchema(schema);
  }
}

export function compileJsonSchema(schema: object): ValidateFunction {
  return ajv.compile(schema);
}
