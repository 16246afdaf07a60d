import "server-only";
import type { TDecisionReason } from "@/lib/contracts/decisions";
import { describeSchemaErrors } from "./describe-schema-errors";
import type { TCompiledToolGrant, TSchemaCheck } from "./types";

function problems(check: TSchemaCheck, args: unknown, owner: string, code: TDecisionReason["code"]): TDecisionReason[] {
  if (check.validate === null) return [{ rule: 4, code, message: `The ${owner} cannot be enforced: ${check.problem}` }];
  if (check.validate(args)) return [];
  return describeSchemaErrors({ errors: check.validate.errors ?? [], data: args, owner }).map((p) => ({
    rule: 4,
    code,
    message: p.message,
    path: p.path,
  }));
}

/**
 * Rule 4: the arguments against the tool's contract, then the workflow's constraints on that
 * tool; both are reported so one answer says everything to fix.
 */
export function checkArguments(options: {
  grant: TCompiledToolGrant;
  workflowKey: string;
  args: Record<string, unknown>;
}): TDecisionReason[] {
  const { grant, workflowKey, args } = options;
  const reasons = problems(grant.contract, args, `contract of tool ${grant.key}`, "arguments_violate_contract");
  if (grant.constraints) {
    reasons.push(
      ...problems(grant.constraints, args, `constraints of workflow ${workflowKey} on ${grant.key}`, "arguments_violate_constraints"),
    );
  }
  return reasons;
}
