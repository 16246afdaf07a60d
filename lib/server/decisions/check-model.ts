import "server-only";
import type { TDecisionReason } from "@/lib/contracts/decisions";
import { sensitivityRank, type TCompiledWorkflowSnapshot, type TSensitivity } from "./types";

/**
 * Rule 6: the model must be one the workflow lists, approved (not suspended), and approved for
 * the highest sensitivity this call involves.
 */
export function checkModel(options: {
  snapshot: TCompiledWorkflowSnapshot;
  model: string;
  sensitivity: TSensitivity;
  sensitivitySource: string | null;
}): TDecisionReason[] {
  const { snapshot, model, sensitivity, sensitivitySource } = options;
  const approved = snapshot.models.get(model);
  if (!approved) {
    const listed = [...snapshot.models.keys()];
    const suffix = listed.length ? `; it lists ${listed.join(", ")}` : "; it lists no models";
    return [
      { rule: 6, code: "model_not_approved", message: `Model ${model} is not approved for workflow ${snapshot.workflowKey}${suffix}` },
    ];
  }
  if (approved.status === "SUSPENDED") {
    return [{ rule: 6, code: "model_suspended", message: `Model ${model} is suspended from the approved-model catalog` }];
  }
  if (sensitivityRank(sensitivity) > sensitivityRank(approved.maxSensitivity)) {
    return [
      {
        rule: 6,
        code: "model_not_approved_for_sensitivity",
        message: `Model ${model} is approved for data up to ${approved.maxSensitivity}, but this call involves ${sensitivity} data (${sensitivitySource ?? "declared"})`,
      },
    ];
  }
  return [];
}
