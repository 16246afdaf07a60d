import "server-only";
import type { TModelDetail } from "@/lib/contracts/catalog";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import { db, type TTx } from "../../db/client";
import { notFound } from "../../errors";
import { findCatalogWorkflows } from "./find-catalog-workflows";
import { modelSelect, toModelView } from "./model-view";

/** One model and the workflows listing it that `user` may see: what suspending it reaches. */
export async function getModel(options: { tx?: TTx; user: TSessionUser; id: string }): Promise<TModelDetail> {
  const { user, id } = options;
  const tx = options.tx ?? db;
  const row = await tx.approvedModel.findUnique({ where: { id }, select: modelSelect(workflowReadWhere(user)) });
  if (!row) throw notFound("The model");
  const affected = await findCatalogWorkflows({ tx, user, where: { models: { some: { modelId: id } } } });
  return { ...toModelView(row), affectedWorkflows: affected.items };
}
