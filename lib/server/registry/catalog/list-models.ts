import "server-only";
import type { TModelList } from "@/lib/contracts/catalog";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import { db } from "../../db/client";
import { modelSelect, toModelView } from "./model-view";

/** Every approved or suspended model, by provider, model and version. */
export async function listModels(options: { user: TSessionUser }): Promise<TModelList> {
  const rows = await db.approvedModel.findMany({
    select: modelSelect(workflowReadWhere(options.user)),
    orderBy: [{ provider: "asc" }, { model: "asc" }, { version: "asc" }],
  });
  return { items: rows.map(toModelView) };
}
