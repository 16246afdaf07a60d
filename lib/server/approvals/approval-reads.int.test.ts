import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ZApprovalHistoryQuery,
  ZApprovalQueueQuery,
  type TApprovalHistoryQuery,
  type TApprovalQueueQuery,
} from "@/lib/contracts/approvals-console";
import { runAudited } from "../audit/run-audited";
import type { TSessionUser } from "../authz/principal";
import { db } from "../db/client";
import { getApprovalDetail } from "./get-approval-detail";
import { listApprovalHistory } from "./list-approval-history";
import { listApprovalQueue } from "./list-approval-queue";
import { actorFor, givenApproval, givenApprovers, givenGatedWorkflow, givenNothingElsePending, givenUser } from "@/test/fixtures/approvals";
import { voteOnApproval } from "./vote-on-approval";

const queue = (user: TSessionUser, query: TApprovalQueueQuery = {}) => listApprovalQueue({ user, query: ZApprovalQueueQuery.parse(query) });
const history = (query: TApprovalHistoryQuery = {}) => listApprovalHistory({ query: ZApprovalHistoryQuery.parse(query) });
const vote = (user: TSessionUser, id: string, kind: "APPROVE" | "DENY" = "APPROVE", incidentRef?: string) =>
  runAudited(db, (tx) =>
    voteOnApproval(tx, {
      actor: actorFor(user),
      user,
      id,
      vote: { vote: kind, reason: `${kind} for the record`, ...(incidentRef ? { breakGlass: { incidentRef } } : {}) },
    }),
  );
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe("the queue", () => {
  it("lists what the viewer may decide, soonest deadline first, leaving out separation-of-duties conflicts and their own votes", async () => {
    await givenNothingElsePending();
    const gated = await givenGatedWorkflow();
    const [approver, other] = await givenApprovers(2);
    const now = Date.now();
    const later = await givenApproval(gated, { now: new Date(now - 60_000) });
    const sooner = await givenApproval(gated, { now: new Date(now - 120_000), tier: "T2", tool: "email.send" });
    const voted = await givenApproval(gated, { now: new Date(now - 90_000) });
    await vote(other!, voted.id);

    expect(ids(await queue(approver!))).toEqual([sooner.id, voted.id, later.id]);
    expect(ids(await queue(other!))).toEqual([sooner.id, later.id]);
    expect((await queue(approver!)).items[1]).toMatchObject({
      approvals: 1,
      approvalsRequired: 2,
      canVote: true,
      workflow: { key: gated.workflow.key },
    });
    // The owner, the Responsible person (an approver too) and the token's creator (an admin) see none of them.
    for (const person of [gated.owner, gated.responsible, gated.tokenCreator]) expect((await queue(person)).items).toEqual([]);
    expect((await queue(await givenUser(["AUDITOR"]))).items).toEqual([]);
  });

  it("filters by workflow, tier, tool and environment, and pages by deadline", async () => {
    await givenNothingElsePending();
    const gated = await givenGatedWorkflow();
    const other = await givenGatedWorkflow();
    const [approver] = await givenApprovers(1);
    const t3 = await givenApproval(gated, { now: new Date(Date.now() - 3_000) });
    const t2 = await givenApproval(gated, { tier: "T2", tool: "email.send", now: new Date(Date.now() - 2_000) });
    const elsewhere = await givenApproval(other, { now: new Date(Date.now() - 1_000) });
    await db.workflow.update({ where: { id: other.workflow.id }, data: { environment: "PROD" } });

    expect(ids(await queue(approver!, { workflow: gated.workflow.key }))).toEqual([t3.id, t2.id]);
    expect(ids(await queue(approver!, { tier: "T2" }))).toEqual([t2.id]);
    expect(ids(await queue(approver!, { tool: "stripe.refund" }))).toEqual([t3.id, elsewhere.id]);
    expect(ids(await queue(approver!, { environment: "PROD" }))).toEqual([elsewhere.id]);

    const first = await queue(approver!, { limit: 2 });
    expect(first).toMatchObject({ total: 3, nextCursor: expect.any(String) });
    const second = await queue(approver!, { limit: 2, cursor: first.nextCursor! });
    expect([...ids(first), ...ids(second)]).toEqual([t3.id, t2.id, elsewhere.id]);
    expect(second.nextCursor).toBeNull();
    await expect(queue(approver!, { cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("shows Security every request it could break glass on, votable once escalated", async () => {
    await givenNothingElsePending();
    const gated = await givenGatedWorkflow();
    const security = await givenUser(["SECURITY"]);
    const quiet = await givenApproval(gated, { now: new Date(Date.now() - 2_000) });
    const escalated = await givenApproval(gated, { now: new Date(Date.now() - 1_000) });
    await db.approvalRequest.update({ where: { id: escalated.id }, data: { escalatedAt: new Date() } });
    expect((await queue(security)).items.map((i) => [i.id, i.canVote, i.escalatedAt !== null])).toEqual([
      [quiet.id, false, false],
      [escalated.id, true, true],
    ]);
  });
});

describe("the detail", () => {
  it("has the full context: workflow and RACI, tool, redacted arguments, reasons, the run so far, earlier requests, votes and trail", async () => {
    const gated = await givenGatedWorkflow();
    const [approver] = await givenApprovers(1);
    const earlier = await givenApproval(gated, { tier: "T2", now: new Date(Date.now() - 60_000) });
    const { id } = await givenApproval(gated);
    const { runId } = await db.approvalRequest.findUniqueOrThrow({ where: { id } });
    const run = await db.run.create({
      data: {
        workflowId: gated.workflow.id,
        workflowKey: gated.workflow.key,
        externalId: runId,
        startedAt: new Date(),
        lastEventAt: new Date(),
        eventCount: 2,
      },
    });
    await db.runEvent.createMany({
      data: [
        {
          id: randomUUID(),
          workflowKey: gated.workflow.key,
          runId: run.id,
          workflowId: gated.workflow.id,
          type: "model.call",
          occurredAt: new Date(Date.now() - 2_000),
          model: "acme/large/2",
          data: { prompt: "[REDACTED:email]" },
        },
        {
          id: randomUUID(),
          workflowKey: gated.workflow.key,
          runId: run.id,
          workflowId: gated.workflow.id,
          type: "tool.call",
          occurredAt: new Date(Date.now() - 1_000),
          tool: "stripe.refund",
          data: {},
        },
      ],
    });
    await vote(approver!, id);

    const detail = await getApprovalDetail({ user: approver!, id });
    expect(detail).toMatchObject({
      status: "PENDING",
      workflow: { id: gated.workflow.id, owner: { id: gated.owner.id } },
      tool: { key: "stripe.refund", name: "Refund", system: "Stripe" },
      consequence: "MONEY_MOVEMENT",
      tier: "T3",
      approvals: 1,
      arguments: { customerEmail: "[REDACTED:email]" },
      dataClasses: ["tickets"],
      model: "acme/large/2",
      reasons: [{ code: "approval_required" }],
      requestedBy: { prefix: gated.token.prefix, createdBy: { id: gated.tokenCreator.id } },
      votes: [{ user: { id: approver!.id }, vote: "APPROVE" }],
      viewer: { canVote: false, refusal: expect.stringContaining("You already voted") },
    });
    expect(detail.workflow.raci.map((r) => [r.user.id, r.role])).toEqual(
      expect.arrayContaining([
        [gated.owner.id, "ACCOUNTABLE"],
        [gated.responsible.id, "RESPONSIBLE"],
      ]),
    );
    expect(detail.runEvents.map((e) => e.type)).toEqual(["model.call", "tool.call"]);
    expect(detail.earlier.map((e) => e.id)).toEqual([earlier.id]);
    expect(detail.trail.map((t) => t.action)).toEqual(["approval.requested", "approval.voted"]);
    expect((await getApprovalDetail({ user: gated.responsible, id })).viewer).toMatchObject({
      canVote: false,
      canBreakGlass: false,
      refusal: expect.stringContaining("Responsible in the RACI"),
    });
    const [second] = await givenApprovers(1);
    expect((await getApprovalDetail({ user: second!, id })).viewer).toEqual({ canVote: true, canBreakGlass: false, refusal: null });
    await expect(getApprovalDetail({ user: second!, id: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the history", () => {
  it("lists decided requests newest first, searchable by status, approver, workflow, tool and text, flagging break-glass", async () => {
    const gated = await givenGatedWorkflow();
    const [approver] = await givenApprovers(1);
    const security = await givenUser(["SECURITY"]);
    const pending = await givenApproval(gated, { tier: "T2" });
    const approved = await givenApproval(gated, { tier: "T2" });
    await vote(approver!, approved.id);
    const denied = await givenApproval(gated, { tier: "T2", tool: "email.send" });
    await vote(approver!, denied.id, "DENY");
    const glass = await givenApproval(gated);
    await vote(security, glass.id, "APPROVE", "INC-9");

    const all = await history({ workflow: gated.workflow.key });
    expect(ids(all)).toEqual([glass.id, denied.id, approved.id]);
    expect(ids(all)).not.toContain(pending.id);
    expect(all.items[0]).toMatchObject({
      status: "APPROVED",
      breakGlass: true,
      votes: [{ user: { id: security.id }, breakGlass: true }],
      auditHref: `/audit?target=approval%3A${glass.id}`,
    });
    expect(ids(await history({ workflow: gated.workflow.key, status: "DENIED" }))).toEqual([denied.id]);
    expect(ids(await history({ approver: approver!.email }))).toEqual([denied.id, approved.id]);
    expect(ids(await history({ workflow: gated.workflow.key, tool: "email.send" }))).toEqual([denied.id]);
    expect(ids(await history({ q: "deny for the" }))).toEqual([denied.id]);
    const paged = await history({ workflow: gated.workflow.key, limit: 2 });
    expect(ids(await history({ workflow: gated.workflow.key, limit: 2, cursor: paged.nextCursor! }))).toEqual([approved.id]);
  });
});
