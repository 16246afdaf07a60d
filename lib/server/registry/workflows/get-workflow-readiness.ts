import "server-only";
import type { TWorkflowReadiness } from "@/lib/contracts/workflows";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import { db, type TTx } from "../../db/client";
import { notFound } from "../../errors";
import { assessReadiness } from "./assess-readiness";

/** The activation checklist of a workflow `user` may see. */
export async function getWorkflowReadiness(options: { user: TSessionUser; id: string; tx?: TTx }): Promise<TWorkflowReadiness> {
  const tx = options.tx ?? db;
  const found = await tx.workflow.findFirst({
    where: { AND: [{ id: options.id }, workflowReadWhere(options.user)] },
    select: { id: true },
  });
  if (!found) throw notFound("The workflow");
  return assessReadiness({ tx, workflowId: found.id });
}
