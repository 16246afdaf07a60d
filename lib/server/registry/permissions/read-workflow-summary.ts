import "server-only";
import type { TWorkflowSummary } from "@/lib/contracts/changes";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import { db, type TTx } from "../../db/client";
import { notFound } from "../../errors";

export const WORKFLOW_SUMMARY_SELECT = { id: true, key: true, name: true, status: true, environment: true, version: true } as const;

/** The few facts a workflow's sub-pages show in their header, if the user may read the workflow. */
export async function readWorkflowSummary(options: { tx?: TTx; user: TSessionUser; workflowId: string }): Promise<TWorkflowSummary> {
  const tx = options.tx ?? db;
  const workflow = await tx.workflow.findFirst({
    where: { AND: [{ id: options.workflowId }, workflowReadWhere(options.user)] },
    select: WORKFLOW_SUMMARY_SELECT,
  });
  if (!workflow) throw notFound("The workflow");
  return workflow;
}
