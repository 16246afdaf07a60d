import "server-only";
import type { TChangeRequestList, TChangesQueryInput } from "@/lib/contracts/changes";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import { db, type TTx } from "../../db/client";
import { notFound } from "../../errors";
import { listChangeRequests } from "./list-change-requests";

/** One workflow's change requests, for anyone who may read the workflow (its owner included). */
export async function listWorkflowChangeRequests(options: {
  tx?: TTx;
  user: TSessionUser;
  workflowId: string;
  query: Omit<TChangesQueryInput, "workflow">;
}): Promise<TChangeRequestList> {
  const { user, workflowId } = options;
  const tx = options.tx ?? db;
  if (!(await tx.workflow.count({ where: { AND: [{ id: workflowId }, workflowReadWhere(user)] } }))) throw notFound("The workflow");
  return listChangeRequests({ tx, scope: { workflowId }, query: { ...options.query, workflow: undefined } });
}
