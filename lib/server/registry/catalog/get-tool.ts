import "server-only";
import type { TToolView } from "@/lib/contracts/catalog";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import { db } from "../../db/client";
import { notFound } from "../../errors";
import { toToolView, toolSelect } from "./tool-view";

export async function getTool(options: { user: TSessionUser; id: string }): Promise<TToolView> {
  const row = await db.tool.findUnique({ where: { id: options.id }, select: toolSelect(workflowReadWhere(options.user)) });
  if (!row) throw notFound("The tool");
  return toToolView(row);
}
