import "server-only";
import { policySetTextToParts, validate, type DetailedError } from "@cedar-policy/cedar-wasm/nodejs";
import type { TFieldProblem } from "@/lib/contracts/errors";
import { DECISION_CEDAR_SCHEMA } from "../../decisions/cedar-schema";

// Cedar reports UTF-8 byte offsets; people read lines and columns.
function position(text: string, offset: number): { line: number; column: number } {
  const before = Buffer.from(text, "utf8").subarray(0, offset).toString("utf8");
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function describe(text: string, error: DetailedError): string {
  const where = (error.sourceLocations ?? []).map((label) => {
    const { line, column } = position(text, label.start);
    return `line ${line}, column ${column}${label.label ? `: ${label.label}` : ""}`;
  });
  const help = error.help ? ` (${error.help})` : "";
  return `Cedar: ${error.message}${where.length ? ` at ${where.join("; ")}` : ""}${help}`;
}

/**
 * Problems that keep `text` from being an enforceable Cedar policy set, each under `path`, in
 * Cedar's own words: it must parse, hold at least one policy, use no template slots (a custom
 * policy is never linked, so `?principal` could never match), and validate against what the
 * decision engine actually sends — a policy that would error at run time denies every call.
 */
export function checkCedarText(text: string, path: string): TFieldProblem[] {
  const parts = policySetTextToParts(text);
  if (parts.type === "failure") return parts.errors.map((error) => ({ path, message: describe(text, error) }));
  if (parts.policy_templates.length > 0) {
    return [
      { path, message: "Cedar templates (policies with ?principal or ?resource slots) cannot be enforced here; write static policies" },
    ];
  }
  if (parts.policies.length === 0)
    return [{ path, message: "Write at least one Cedar policy (the text holds only comments or whitespace)" }];
  const validation = validate({
    schema: DECISION_CEDAR_SCHEMA,
    policies: { staticPolicies: text },
    validationSettings: { mode: "strict" },
  });
  if (validation.type === "failure") return validation.errors.map((error) => ({ path, message: describe(text, error) }));
  return validation.validationErrors.map(({ error }) => ({ path, message: describe(text, error) }));
}
