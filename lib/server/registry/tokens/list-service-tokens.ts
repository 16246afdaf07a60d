import "server-only";
import { hasPermission } from "@/lib/contracts/permissions";
import type { TTokenList } from "@/lib/contracts/tokens-admin";
import type { TSessionUser } from "../../authz/principal";
import { workflowEditWhere } from "../../authz/workflow-scope";
import { db, type TTx } from "../../db/client";
import { readWorkflowSummary } from "../permissions/read-workflow-summary";
import { TOKEN_VIEW_SELECT, toTokenView } from "./token-view";

// Rotation leaves a trail of old tokens; the newest few hundred are all anyone reviews.
const MAX_TOKENS = 200;

/** A workflow's service tokens, newest first, by prefix: never their secrets or hashes. */
export async function listServiceTokens(options: { tx?: TTx; user: TSessionUser; workflowId: string; now?: Date }): Promise<TTokenList> {
  const { user, workflowId } = options;
  const tx = options.tx ?? db;
  const workflow = await readWorkflowSummary({ tx, user, workflowId });
  const rows = await tx.serviceToken.findMany({
    where: { workflowId },
    select: TOKEN_VIEW_SELECT,
    orderBy: { createdAt: "desc" },
    take: MAX_TOKENS,
  });
  const canManage =
    hasPermission(user.roles, "tokens:manage") &&
    workflow.status !== "RETIRED" &&
    (await tx.workflow.count({ where: { AND: [{ id: workflowId }, workflowEditWhere(user)] } })) > 0;
  const now = options.now ?? new Date();
  return { workflow, tokens: rows.map((row) => toTokenView(row, now)), canManage };
}
