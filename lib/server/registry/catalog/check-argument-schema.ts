import "server-only";
import { AppError } from "../../errors";
import { jsonSchemaProblems } from "../../shared/json-schema";

/**
 * Refuses an argument contract that is not a valid JSON Schema. ajv often reports one mistake
 * several ways; the form shows one message per field, so they are joined into one.
 */
export function checkArgumentSchema(schema: Record<string, unknown>): void {
  const problems = jsonSchemaProblems(schema, "argumentSchema");
  if (!problems.length) return;
  const message = `Not a valid JSON Schema: ${problems.map((p) => p.message.replace(/^JSON Schema /, "")).join("; ")}`;
  throw new AppError("validation_failed", "The argument contract is not a valid JSON Schema", [{ path: "argumentSchema", message }]);
}
