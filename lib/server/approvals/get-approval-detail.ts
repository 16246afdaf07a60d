import "server-only";
import { z } from "zod";
import type { TApprovalDetail } from "@/lib/contracts/approvals-console";
import { ZDecisionReason } from "@/lib/contracts/decisions";
import type { TRole } from "@/lib/contracts/roles";
import { db as defaultDb, type TTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { notFound } from "../errors";
import { EXPIRY_REASON, isPastDeadline } from "./approval-state-view";
import { approvalVoterRights, VOTER_FACTS_SELECT } from "./approval-voter-rights";

const PERSON = { select: { id: true, name: true, email: true } } as const;
const RUN_EVENTS_SHOWN = 100;
const EARLIER_SHOWN = 20;
const ZReasons = z.array(ZDecisionReason);

const DETAIL_SELECT = {
  id: true,
  status: true,
  tool: true,
  consequence: true,
  tier: true,
  approvalsRequired: true,
  arguments: true,
  argumentsHash: true,
  dataClasses: true,
  model: true,
  reasons: true,
  registryVersion: true,
  runId: true,
  createdAt: true,
  escalateAt: true,
  escalatedAt: true,
  expiresAt: true,
  decidedAt: true,
  outcomeReason: true,
  breakGlass: true,
  consumedAt: true,
  workflow: {
    select: {
      id: true,
      key: true,
      name: true,
      environment: true,
      status: true,
      purpose: true,
      runbook: true,
      owner: PERSON,
      raci: { select: { user: PERSON, function: true, role: true } },
    },
  },
  token: { select: { prefix: true, name: true, createdBy: PERSON } },
  votes: {
    select: { user: PERSON, vote: true, reason: true, breakGlass: true, incidentRef: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.ApprovalRequestSelect;

/** One request with everything an approver needs to decide it, and what this viewer may do with it. */
export async function getApprovalDetail(options: {
  tx?: TTx;
  user: { id: string; roles: readonly TRole[] };
  id: string;
  now?: Date;
}): Promise<TApprovalDetail> {
  const { user, id } = options;
  const tx = options.tx ?? defaultDb;
  const now = options.now ?? new Date();
  const row = await tx.approvalRequest.findUnique({ where: { id }, select: DETAIL_SELECT });
  if (!row) throw notFound("The approval request");
  const [facts, tool, runEvents, earlier, trail] = await Promise.all([
    tx.approvalRequest.findUniqueOrThrow({ where: { id }, select: VOTER_FACTS_SELECT }),
    tx.tool.findUnique({ where: { key: row.tool }, select: { name: true, system: true } }),
    tx.runEvent.findMany({
      where: { run: { workflowKey: row.workflow.key, externalId: row.runId, workflowId: row.workflow.id } },
      select: { id: true, type: true, occurredAt: true, tool: true, model: true, outcome: true, data: true },
      orderBy: { occurredAt: "desc" },
      take: RUN_EVENTS_SHOWN,
    }),
    tx.approvalRequest.findMany({
      where: { workflowId: row.workflow.id, createdAt: { lte: row.createdAt }, id: { not: id } },
      select: { id: true, tool: true, status: true, createdAt: true, decidedAt: true, breakGlass: true, expiresAt: true },
      orderBy: { createdAt: "desc" },
      take: EARLIER_SHOWN,
    }),
    tx.auditEvent.findMany({
      where: { targetType: "approval", targetId: id },
      select: { action: true, actorLabel: true, occurredAt: true, data: true },
      orderBy: { seq: "asc" },
    }),
  ]);
  const expired = isPastDeadline(row, now);
  const { canVote, canBreakGlass, refusal } = approvalVoterRights(user, facts, now);
  const { consumedAt, token, votes, ...rest } = row;
  return {
    ...rest,
    status: expired ? "EXPIRED" : row.status,
    tool: { key: row.tool, name: tool?.name ?? null, system: tool?.system ?? null },
    approvals: votes.filter((v) => v.vote === "APPROVE").length,
    reasons: ZReasons.safeParse(row.reasons).data ?? [],
    requestedBy: token,
    runEvents: runEvents.reverse().map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
    earlier: earlier.map(({ expiresAt, ...e }) => ({
      ...e,
      status: isPastDeadline({ status: e.status, expiresAt }, now) ? "EXPIRED" : e.status,
      createdAt: e.createdAt.toISOString(),
      decidedAt: e.decidedAt?.toISOString() ?? null,
    })),
    votes: votes.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    trail: trail.map((t) => ({ ...t, occurredAt: t.occurredAt.toISOString() })),
    createdAt: row.createdAt.toISOString(),
    escalateAt: row.escalateAt.toISOString(),
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
    decidedAt: expired ? row.expiresAt.toISOString() : (row.decidedAt?.toISOString() ?? null),
    outcomeReason: expired ? EXPIRY_REASON : row.outcomeReason,
    consumed: consumedAt !== null,
    viewer: { canVote, canBreakGlass, refusal },
    asOf: now.toISOString(),
  };
}
