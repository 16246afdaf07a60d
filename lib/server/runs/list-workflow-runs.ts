import "server-only";
import {
  DEFAULT_RUN_WINDOW,
  RUN_WINDOWS,
  ZRunStatus,
  type TRunPage,
  type TRunRow,
  type TWorkflowRunsQueryInput,
} from "@/lib/contracts/runs";
import type { TSessionUser } from "../authz/principal";
import { db as defaultDb, type TTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { readWorkflowSummary } from "../registry/permissions/read-workflow-summary";
import { decodeRunCursor, encodeRunCursor, LIST_KEY } from "./run-cursor";
import { CLOCK_SKEW_MS } from "./run-window";

type TRunRecord = {
  id: string;
  externalId: string;
  status: string;
  startedAt: Date;
  endedAt: Date | null;
  lastEventAt: Date;
  eventCount: number;
};

/**
 * One workflow's runs, newest start first (keyset on started_at, id), with each run's decisions
 * and denials counted in one grouped query over the page's run ids. Runs exist once their
 * automation reports events; a run that only asked the gate shows in Decisions instead.
 */
export async function listWorkflowRuns(options: {
  tx?: TTx;
  user: TSessionUser;
  workflowId: string;
  query: TWorkflowRunsQueryInput;
  now?: Date;
}): Promise<TRunPage> {
  const { query } = options;
  const tx = options.tx ?? defaultDb;
  const workflow = await readWorkflowSummary({ tx, user: options.user, workflowId: options.workflowId });
  const since = new Date((options.now ?? new Date()).getTime() - RUN_WINDOWS[query.window ?? DEFAULT_RUN_WINDOW]);
  const after = query.cursor ? decodeRunCursor(query.cursor, LIST_KEY) : null;
  const where: Prisma.RunWhereInput = {
    AND: [
      { workflowId: workflow.id, startedAt: { gte: since } },
      query.status ? { status: query.status } : {},
      after ? { OR: [{ startedAt: { lt: after.at } }, { startedAt: after.at, id: { lt: after.key } }] } : {},
    ],
  };
  const rows: TRunRecord[] = await tx.run.findMany({
    where,
    select: { id: true, externalId: true, status: true, startedAt: true, endedAt: true, lastEventAt: true, eventCount: true },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const counts = await countDecisions(tx, workflow.id, items);
  const last = items.at(-1);
  return {
    items: items.map((row) => toRunRow(row, counts.get(row.externalId))),
    nextCursor: rows.length > query.limit && last ? encodeRunCursor({ at: last.startedAt, key: last.id }) : null,
    since: since.toISOString(),
  };
}

async function countDecisions(tx: TTx, workflowId: string, runs: TRunRecord[]) {
  const counts = new Map<string, { decisions: number; denials: number }>();
  if (!runs.length) return counts;
  const earliest = Math.min(...runs.map((r) => r.startedAt.getTime()));
  const groups = await tx.decision.groupBy({
    by: ["runId", "outcome"],
    where: {
      workflowId,
      runId: { in: runs.map((r) => r.externalId) },
      // The automation's clock dates the run, the gate's the decision: allow for skew, keep the partition bound.
      decidedAt: { gte: new Date(earliest - CLOCK_SKEW_MS) },
    },
    _count: { _all: true },
  });
  for (const group of groups) {
    const count = counts.get(group.runId) ?? { decisions: 0, denials: 0 };
    count.decisions += group._count._all;
    if (group.outcome === "DENY") count.denials += group._count._all;
    counts.set(group.runId, count);
  }
  return counts;
}

function toRunRow(row: TRunRecord, counts = { decisions: 0, denials: 0 }): TRunRow {
  const end = row.endedAt ?? row.lastEventAt;
  return {
    runId: row.externalId,
    status: ZRunStatus.catch("RUNNING").parse(row.status),
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    lastEventAt: row.lastEventAt.toISOString(),
    durationMs: Math.max(0, end.getTime() - row.startedAt.getTime()),
    events: row.eventCount,
    ...counts,
  };
}
