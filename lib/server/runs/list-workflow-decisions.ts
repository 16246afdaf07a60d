import "server-only";
import { DEFAULT_RUN_WINDOW, RUN_WINDOWS, type TDecisionPage, type TWorkflowDecisionsQueryInput } from "@/lib/contracts/runs";
import type { TSessionUser } from "../authz/principal";
import { db as defaultDb, type TTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { readWorkflowSummary } from "../registry/permissions/read-workflow-summary";
import { DECISION_ROW_SELECT, toDecisionRow } from "./decision-row-view";
import { decodeRunCursor, encodeRunCursor, LIST_KEY } from "./run-cursor";

/**
 * One workflow's decisions, newest first, a page at a time (keyset on decided_at, id). Always
 * inside the workflow and a time window, so it reads the (workflow_id, decided_at) index of the
 * window's partitions only; another owner's workflow is not found.
 */
export async function listWorkflowDecisions(options: {
  tx?: TTx;
  user: TSessionUser;
  workflowId: string;
  query: TWorkflowDecisionsQueryInput;
  now?: Date;
}): Promise<TDecisionPage> {
  const { query } = options;
  const tx = options.tx ?? defaultDb;
  const workflow = await readWorkflowSummary({ tx, user: options.user, workflowId: options.workflowId });
  const since = new Date((options.now ?? new Date()).getTime() - RUN_WINDOWS[query.window ?? DEFAULT_RUN_WINDOW]);
  const after = query.cursor ? decodeRunCursor(query.cursor, LIST_KEY) : null;
  const where: Prisma.DecisionWhereInput = {
    AND: [
      { workflowId: workflow.id, decidedAt: { gte: since } },
      query.outcome ? { outcome: query.outcome } : {},
      query.tool ? { tool: query.tool } : {},
      query.runId ? { runId: query.runId } : {},
      // The deciding reason is the first, as the roll-ups count it.
      query.reason ? { reasons: { path: ["0", "code"], equals: query.reason } } : {},
      after ? { OR: [{ decidedAt: { lt: after.at } }, { decidedAt: after.at, id: { lt: after.key } }] } : {},
    ],
  };
  const rows = await tx.decision.findMany({
    where,
    select: DECISION_ROW_SELECT,
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(toDecisionRow),
    nextCursor: rows.length > query.limit && last ? encodeRunCursor({ at: last.decidedAt, key: last.id }) : null,
    since: since.toISOString(),
  };
}
