import "server-only";
import { ZRunStatus, type TRunTimeline, type TRunTimelineQueryInput } from "@/lib/contracts/runs";
import type { TSessionUser } from "../authz/principal";
import { db as defaultDb, type TTx } from "../db/client";
import { notFound } from "../errors";
import { readWorkflowSummary } from "../registry/permissions/read-workflow-summary";
import { decodeRunCursor, encodeRunCursor, TIMELINE_KEY } from "./run-cursor";
import { readApprovalEntries, readDecisionEntries, readEventEntries } from "./run-timeline-sources";
import { mergeTimeline } from "./timeline-order";

/**
 * One run as a single story, oldest first: what started it, the gate's decisions, the approvals
 * they opened with each vote, and everything the automation reported (tool and model calls,
 * overrides, rollbacks, errors, the end). At most `limit` entries; `nextCursor` continues.
 * A run is named by the automation's run id; it exists once it reported an event or asked the gate.
 */
export async function getRunTimeline(options: {
  tx?: TTx;
  user: TSessionUser;
  workflowId: string;
  runId: string;
  query: TRunTimelineQueryInput;
}): Promise<TRunTimeline> {
  const { runId, query } = options;
  const tx = options.tx ?? defaultDb;
  const workflow = await readWorkflowSummary({ tx, user: options.user, workflowId: options.workflowId });
  const found = await tx.run.findUnique({
    where: { workflowKey_externalId: { workflowKey: workflow.key, externalId: runId } },
    select: { id: true, workflowId: true, status: true, startedAt: true, endedAt: true, lastEventAt: true, eventCount: true },
  });
  // Events reported under the key before it was registered stay the shadow automation's.
  const run = found?.workflowId === workflow.id ? found : null;
  const after = query.cursor ? decodeRunCursor(query.cursor, TIMELINE_KEY) : null;
  const source = { tx, workflowId: workflow.id, runId, run, after, take: query.limit + 1 };
  const sources = [await readDecisionEntries(source), await readEventEntries(source), await readApprovalEntries(source)];
  const { entries, next } = mergeTimeline(sources, query.limit);
  if (!run && !after && !entries.length) throw notFound("The run");
  const trigger = run
    ? await tx.runEvent.findFirst({
        where: { runId: run.id, type: "run_started", occurredAt: { gte: run.startedAt } },
        select: { occurredAt: true, data: true },
        orderBy: { occurredAt: "asc" },
      })
    : null;
  return {
    run: {
      runId,
      status: run ? ZRunStatus.catch("RUNNING").parse(run.status) : null,
      startedAt: run?.startedAt.toISOString() ?? null,
      endedAt: run?.endedAt?.toISOString() ?? null,
      events: run?.eventCount ?? 0,
      trigger: trigger ? { at: trigger.occurredAt.toISOString(), data: trigger.data } : null,
    },
    entries,
    nextCursor: next ? encodeRunCursor(next) : null,
  };
}
