import "server-only";
import type { TDataClassList } from "@/lib/contracts/catalog";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import { db } from "../../db/client";
import { dataClassSelect, toDataClassView } from "./data-class-view";

/** Every data class, by key; usage counts only the workflows `user` may see. */
export async function listDataClasses(options: { user: TSessionUser }): Promise<TDataClassList> {
  const rows = await db.dataClass.findMany({ select: dataClassSelect(workflowReadWhere(options.user)), orderBy: { key: "asc" } });
  return { items: rows.map(toDataClassView) };
}
