import "server-only";
import type { TShadowWorkflowList } from "@/lib/contracts/catalog";
import type { TSessionUser } from "../../authz/principal";
import { workflowReadWhere } from "../../authz/workflow-scope";
import { db } from "../../db/client";

// Past this, the runtime is being fed junk keys; the newest unregistered sightings matter most.
const MAX_LISTED = 500;

type TRow = { key: string; firstSeenAt: Date; lastSeenAt: Date; seenCount: number; lastTool: string | null; workflowId: string | null };

/**
 * Workflow keys automations used without registering them: unregistered first, then by last
 * sighting. A key counts as registered once a workflow has it (linked, or by the same key); the
 * workflow itself is named only when `user` may see it.
 */
export async function listShadowWorkflows(options: { user: TSessionUser }): Promise<TShadowWorkflowList> {
  const rows = await db.$queryRaw<TRow[]>`
    SELECT s.key, s.first_seen_at AS "firstSeenAt", s.last_seen_at AS "lastSeenAt", s.seen_count AS "seenCount",
      s.last_tool AS "lastTool", w.id::text AS "workflowId"
    FROM shadow_workflows s
    LEFT JOIN LATERAL (
      SELECT id FROM workflows WHERE id = s.registered_workflow_id OR key = s.key
      ORDER BY (id = s.registered_workflow_id) DESC LIMIT 1
    ) w ON true
    ORDER BY (w.id IS NOT NULL), s.last_seen_at DESC, s.key
    LIMIT ${MAX_LISTED + 1}`;
  const listed = rows.slice(0, MAX_LISTED);
  const ids = listed.flatMap((r) => (r.workflowId ? [r.workflowId] : []));
  const visible = await db.workflow.findMany({
    where: { AND: [{ id: { in: ids } }, workflowReadWhere(options.user)] },
    select: { id: true, key: true, name: true },
  });
  return {
    items: listed.map((row) => ({
      key: row.key,
      firstSeenAt: row.firstSeenAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      seenCount: row.seenCount,
      lastTool: row.lastTool,
      registered: row.workflowId !== null,
      workflow: visible.find((w) => w.id === row.workflowId) ?? null,
    })),
    truncated: rows.length > MAX_LISTED,
  };
}
