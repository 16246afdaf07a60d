import "server-only";
import type { TToolList } from "@/lib/contracts/catalog";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import { db } from "../../db/client";
import { toToolView, toolSelect } from "./tool-view";

/** Every tool in the catalog, by key. */
export async function listTools(options: { user: TSessionUser }): Promise<TToolList> {
  const rows = await db.tool.findMany({ select: toolSelect(workflowReadWhere(options.user)), orderBy: { key: "asc" } });
  return { items: rows.map(toToolView) };
}
