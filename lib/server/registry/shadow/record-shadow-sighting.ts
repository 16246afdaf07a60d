import "server-only";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";

const MAX_KEY = 200;
const MAX_TOOL = 200;

export type TShadowSighting = { key: string; firstSeenAt: Date; lastSeenAt: Date; seenCount: number; lastTool: string | null };

/**
 * Records that the runtime saw an unregistered workflow key: the first sighting creates the row,
 * later ones count up and move lastSeenAt. One atomic upsert, so concurrent calls never lose a count.
 * A null `tool` keeps the last tool seen.
 */
export async function recordShadowSighting(options: { tx: TTx; key: string; tool: string | null }): Promise<TShadowSighting> {
  const key = options.key.trim();
  if (!key || key.length > MAX_KEY) throw new AppError("bad_request", `A workflow key has 1 to ${MAX_KEY} characters`);
  const tool = options.tool?.trim().slice(0, MAX_TOOL) || null;
  // clock_timestamp, not now(): a long transaction must not record a sighting in the past.
  const rows = await options.tx.$queryRaw<TShadowSighting[]>`
    INSERT INTO shadow_workflows (key, first_seen_at, last_seen_at, seen_count, last_tool)
    VALUES (${key}, clock_timestamp(), clock_timestamp(), 1, ${tool})
    ON CONFLICT (key) DO UPDATE SET
      seen_count = shadow_workflows.seen_count + 1,
      last_seen_at = clock_timestamp(),
      last_tool = COALESCE(EXCLUDED.last_tool, shadow_workflows.last_tool)
    RETURNING key, first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt", seen_count AS "seenCount", last_tool AS "lastTool"`;
  const row = rows[0];
  if (!row) throw new Error("the shadow workflow upsert returned no row");
  return row;
}
