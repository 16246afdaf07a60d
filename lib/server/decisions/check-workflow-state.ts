import "server-only";
import type { TDecisionReason } from "@/lib/contracts/decisions";
import type { TCompiledWorkflowSnapshot, TEnvironment } from "./types";

/** Rule 2: the workflow must be ACTIVE and the token issued for the workflow's own environment. */
export function checkWorkflowState(options: { snapshot: TCompiledWorkflowSnapshot; tokenEnvironment: TEnvironment }): TDecisionReason[] {
  const { snapshot, tokenEnvironment } = options;
  const reasons: TDecisionReason[] = [];
  if (snapshot.status !== "ACTIVE") {
    reasons.push({
      rule: 2,
      code: "workflow_not_active",
      message: `Workflow ${snapshot.workflowKey} is ${snapshot.status}; only an ACTIVE workflow may call tools`,
    });
  }
  if (tokenEnvironment !== snapshot.environment) {
    reasons.push({
      rule: 2,
      code: "token_environment_mismatch",
      message: `This service token is for ${tokenEnvironment}, but workflow ${snapshot.workflowKey} runs in ${snapshot.environment}`,
    });
  }
  return reasons;
}
