import "server-only";
import { SCREEN_TOOL_KEY, type TScreenRequestInput, type TScreenResponse } from "@/lib/contracts/screen";
import type { TServicePrincipal } from "../authz/principal";
import { AppError } from "../errors";
import { hashArguments } from "../shared/hash-arguments";
import type { TDecisionRow } from "./runtime/decision-row";
import type { RuntimeGate } from "./runtime/runtime-gate";
import { screenContent } from "./screen-content";

const OUTCOME = { allow: "ALLOW", redact: "ALLOW", deny: "DENY" } as const;

/**
 * `POST /api/v1/screen`: screens content against the workflow's snapshot in the gate's memory and
 * records the screening in the decision log as a call of the tool `tollgate.screen` (group
 * commit, like a T0/T1 decision), so it counts in the run's timeline, the roll-ups and the
 * dashboard's DLP trend. What was found is recorded by kind and count, never the content.
 */
export async function screenForModel(options: {
  gate: RuntimeGate;
  principal: TServicePrincipal;
  request: TScreenRequestInput;
  now?: number;
}): Promise<TScreenResponse> {
  const { gate, principal, request, now = Date.now() } = options;
  const snapshot = await gate.snapshotFor(principal);
  if (!gate.decisionLog.accepts()) {
    throw new AppError("unavailable", "The gate cannot record screenings right now; send nothing to the model and retry", undefined, {
      "retry-after": "1",
    });
  }
  const { response, dataClasses } = screenContent({
    snapshot,
    killSwitches: gate.killSwitches,
    tokenEnvironment: principal.environment,
    request,
    now,
  });
  const row: TDecisionRow = {
    id: response.screeningId,
    workflow_id: snapshot.workflowId,
    token_id: principal.tokenId,
    run_id: request.runId,
    tool: SCREEN_TOOL_KEY,
    model: request.model,
    data_classes: dataClasses,
    outcome: OUTCOME[response.outcome],
    tier: null,
    reasons: response.reasons,
    registry_version: response.registryVersion,
    arguments_hash: hashArguments({ args: request.content }),
    approval_id: null,
    decided_at: response.screenedAt,
  };
  gate.decisionLog.append(row);
  return response;
}
