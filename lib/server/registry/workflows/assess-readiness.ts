import "server-only";
import { ZRaciFunction } from "@/lib/contracts/registry-enums";
import { modelRef } from "@/lib/contracts/registry";
import type { TReadinessItem, TWorkflowReadiness } from "@/lib/contracts/workflows";
import { db, type TTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { deriveWorkflowRisk, sensitivityAtMost } from "../../shared/derive-workflow-risk";
import { RACI_FUNCTION_LABELS } from "./check-raci";
import { hasArgumentContract } from "./workflow-view";

/**
 * What a workflow still lacks before it may go live: one Accountable, every RACI function, declared
 * data, models approved for that data, a contract for every tool, and a usable service token.
 */
export async function assessReadiness(options: { workflowId: string; tx?: TTx; now?: Date }): Promise<TWorkflowReadiness> {
  const workflow = await (options.tx ?? db).workflow.findUniqueOrThrow({
    where: { id: options.workflowId },
    select: readinessSelect(options.now ?? new Date()),
  });
  return readinessOf(workflow);
}

/** What readiness reads of a workflow, so a batch (the scorecard's dashboard) can read many at once. */
export const readinessSelect = (now: Date) =>
  ({
    raci: { select: { function: true, role: true } },
    dataClasses: { select: { dataClass: { select: { sensitivity: true } } } },
    models: { select: { model: { select: { provider: true, model: true, version: true, status: true, maxSensitivity: true } } } },
    tools: { select: { tool: { select: { key: true, argumentSchema: true } } } },
    environment: true,
    serviceTokens: {
      where: { expiresAt: { gt: now }, OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] },
      select: { environment: true },
    },
  }) satisfies Prisma.WorkflowSelect;

export type TReadinessRow = Prisma.WorkflowGetPayload<{ select: ReturnType<typeof readinessSelect> }>;

/** The readiness verdict of a workflow read with readinessSelect. */
export function readinessOf(workflow: TReadinessRow): TWorkflowReadiness {
  const missing: TReadinessItem[] = [];
  const accountable = workflow.raci.filter((r) => r.role === "ACCOUNTABLE").length;
  if (accountable !== 1) {
    missing.push({
      code: "raci_accountable",
      message: `Exactly one Accountable person is needed; there ${accountable ? `are ${accountable}` : "is none"}`,
    });
  }
  for (const fn of ZRaciFunction.options) {
    if (!workflow.raci.some((r) => r.function === fn))
      missing.push({ code: "raci_function", message: `Nobody is assigned to the ${RACI_FUNCTION_LABELS[fn]} function` });
  }
  if (!workflow.dataClasses.length)
    missing.push({ code: "data_classes", message: "No data classes are declared: say what data flows through the workflow" });
  const highest = deriveWorkflowRisk({ sensitivities: workflow.dataClasses.map((d) => d.dataClass.sensitivity), tiers: [] }).maxSensitivity;
  for (const { model } of workflow.models) {
    const ref = modelRef(model);
    if (model.status !== "APPROVED") missing.push({ code: "model_status", message: `Model ${ref} is suspended` });
    else if (highest && !sensitivityAtMost(highest, model.maxSensitivity)) {
      missing.push({
        code: "model_sensitivity",
        message: `Model ${ref} is approved up to ${model.maxSensitivity}, but the workflow handles ${highest} data`,
      });
    }
  }
  for (const { tool } of workflow.tools) {
    if (!hasArgumentContract(tool.argumentSchema))
      missing.push({ code: "tool_contract", message: `Tool ${tool.key} has no argument contract in the catalog` });
  }
  // Run time denies a token of another environment, so only one for the workflow's own counts.
  if (!workflow.serviceTokens.some((t) => t.environment === workflow.environment)) {
    missing.push({
      code: "service_token",
      message: `No service token is valid for ${workflow.environment}: create one (unrevoked, unexpired) for the automation`,
    });
  }
  return { ready: missing.length === 0, missing };
}
