import "server-only";
import type { TDataClassView } from "@/lib/contracts/catalog";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import { db } from "../../db/client";
import { notFound } from "../../errors";
import { dataClassSelect, toDataClassView } from "./data-class-view";

export async function getDataClass(options: { user: TSessionUser; id: string }): Promise<TDataClassView> {
  const row = await db.dataClass.findUnique({ where: { id: options.id }, select: dataClassSelect(workflowReadWhere(options.user)) });
  if (!row) throw notFound("The data class");
  return toDataClassView(row);
}
