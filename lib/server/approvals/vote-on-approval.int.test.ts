import { describe, expect, it } from "vitest";
import type { TApprovalVote } from "@/lib/contracts/approvals";
import { runAudited } from "../audit/run-audited";
import type { TSessionUser } from "../authz/principal";
import { db } from "../db/client";
import {
  actorFor,
  auditActionsOf,
  deliveriesOf,
  givenApproval,
  givenApprovers,
  givenGatedWorkflow,
  givenUser,
  givenWebhookEndpoint,
} from "@/test/fixtures/approvals";
import { voteOnApproval } from "./vote-on-approval";

const vote = (user: TSessionUser, id: string, body: Partial<TApprovalVote> = {}, now?: Date) =>
  runAudited(db, (tx) =>
    voteOnApproval(tx, { actor: actorFor(user), user, id, vote: { vote: "APPROVE", reason: "Matches the ticket", ...body }, now }),
  );
const row = (id: string) => db.approvalRequest.findUniqueOrThrow({ where: { id }, include: { votes: true } });

/** Everything a refused vote must leave as it was. */
async function snapshot(id: string) {
  const { votes, ...request } = await row(id);
  return { request, votes: votes.length, audit: await auditActionsOf(id) };
}

describe("counting votes by tier", () => {
  it("approves a T2 request with one approval, and audits the vote and the decision", async () => {
    const gated = await givenGatedWorkflow();
    const [approver] = await givenApprovers(1);
    const endpoint = await givenWebhookEndpoint(gated.owner.id);
    const { id } = await givenApproval(gated, { tier: "T2" });
    await expect(vote(approver!, id)).resolves.toMatchObject({ status: "APPROVED", approvals: 1, approvalsRequired: 1, breakGlass: false });
    expect(await row(id)).toMatchObject({ status: "APPROVED", outcomeReason: "Matches the ticket", decidedAt: expect.any(Date) });
    expect(await auditActionsOf(id)).toEqual(["approval.requested", "approval.voted", "approval.decided"]);
    expect((await deliveriesOf(endpoint, id)).map((d) => d.event)).toEqual(["approval.created", "approval.decided"]);
  });

  it("needs two distinct approvers for T3: the first approval leaves it pending, the second approves", async () => {
    const gated = await givenGatedWorkflow();
    const [first, second] = await givenApprovers(2);
    const { id } = await givenApproval(gated, { tier: "T3" });
    await expect(vote(first!, id)).resolves.toMatchObject({
      status: "PENDING",
      approvals: 1,
      message: expect.stringContaining("1 more approval"),
    });
    expect((await row(id)).status).toBe("PENDING");
    await expect(vote(first!, id)).rejects.toMatchObject({ code: "conflict", detail: expect.stringContaining("You already voted") });
    await expect(vote(second!, id)).resolves.toMatchObject({ status: "APPROVED", approvals: 2 });
    expect((await row(id)).votes).toHaveLength(2);
  });

  it("ends the request at the first eligible deny, even after an approval", async () => {
    const gated = await givenGatedWorkflow();
    const [first, second, third] = await givenApprovers(3);
    const { id } = await givenApproval(gated, { tier: "T3" });
    await vote(first!, id);
    await expect(vote(second!, id, { vote: "DENY", reason: "Refund exceeds the order total" })).resolves.toMatchObject({
      status: "DENIED",
    });
    expect(await row(id)).toMatchObject({ status: "DENIED", outcomeReason: "Refund exceeds the order total" });
    await expect(vote(third!, id)).rejects.toMatchObject({ code: "conflict", detail: expect.stringContaining("already denied") });
  });
});

describe("separation of duties", () => {
  it.each([
    ["the workflow's owner", "owner", "You own workflow"],
    ["someone Responsible in its RACI", "responsible", "Responsible in the RACI"],
    ["the creator of the service token that asked", "tokenCreator", "You created the service token"],
  ] as const)("refuses %s, on the server, and changes nothing", async (_label, who, message) => {
    const gated = await givenGatedWorkflow();
    const user = gated[who];
    // Give them the right to decide, so only separation of duties stands in the way.
    const voter = await db.user.update({
      where: { id: user.id },
      data: { roles: [...new Set([...user.roles, "APPROVER" as const])] },
      select: { id: true, email: true, name: true, roles: true },
    });
    const { id } = await givenApproval(gated, { tier: "T2" });
    const before = await snapshot(id);
    await expect(vote(voter, id)).rejects.toMatchObject({ code: "forbidden", detail: expect.stringContaining(message) });
    await expect(vote(voter, id, { vote: "DENY" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await snapshot(id)).toEqual(before);
  });
});

describe("who may decide", () => {
  it("refuses someone without approvals:decide", async () => {
    const gated = await givenGatedWorkflow();
    const auditor = await givenUser(["AUDITOR"]);
    const { id } = await givenApproval(gated, { tier: "T2" });
    await expect(vote(auditor, id)).rejects.toMatchObject({ code: "forbidden", detail: expect.stringContaining("approvals:decide") });
  });

  it("lets Security decide only once the request is escalated", async () => {
    const gated = await givenGatedWorkflow();
    const security = await givenUser(["SECURITY"]);
    const { id } = await givenApproval(gated, { tier: "T2" });
    await expect(vote(security, id)).rejects.toMatchObject({ code: "forbidden", detail: expect.stringContaining("escalated to Security") });
    await db.approvalRequest.update({ where: { id }, data: { escalatedAt: new Date() } });
    await expect(vote(security, id)).resolves.toMatchObject({ status: "APPROVED" });
  });

  it("answers 404 for an unknown request", async () => {
    const approver = await givenUser(["APPROVER"]);
    await expect(vote(approver, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("break-glass", () => {
  it("lets Security approve a T3 alone with an incident reference, flagged in the row, the vote and the audit", async () => {
    const gated = await givenGatedWorkflow();
    const security = await givenUser(["SECURITY"]);
    const { id } = await givenApproval(gated, { tier: "T3" });
    await expect(vote(security, id, { reason: "Customer escalation", breakGlass: { incidentRef: "INC-4711" } })).resolves.toMatchObject({
      status: "APPROVED",
      approvals: 1,
      breakGlass: true,
    });
    const approved = await row(id);
    expect(approved).toMatchObject({ status: "APPROVED", breakGlass: true });
    expect(approved.votes).toMatchObject([{ userId: security.id, breakGlass: true, incidentRef: "INC-4711" }]);
    const audit = await db.auditEvent.findMany({ where: { targetType: "approval", targetId: id }, orderBy: { seq: "asc" } });
    expect(audit.slice(1).map((e) => [e.action, e.data])).toEqual([
      ["approval.voted", { vote: "APPROVE", reason: "Customer escalation", breakGlass: true, incidentRef: "INC-4711" }],
      ["approval.decided", { status: "APPROVED", reason: "Customer escalation", breakGlass: true }],
    ]);
  });

  it("refuses break-glass without the permission, without an incident reference, or to deny", async () => {
    const gated = await givenGatedWorkflow();
    const [approver] = await givenApprovers(1);
    const security = await givenUser(["SECURITY"]);
    const { id } = await givenApproval(gated, { tier: "T3" });
    const before = await snapshot(id);
    await expect(vote(approver!, id, { breakGlass: { incidentRef: "INC-1" } })).rejects.toMatchObject({
      code: "forbidden",
      detail: expect.stringContaining("approvals:break_glass"),
    });
    await expect(vote(security, id, { breakGlass: { incidentRef: " " } })).rejects.toMatchObject({
      code: "validation_failed",
      fieldProblems: [{ path: "body.breakGlass.incidentRef", message: expect.stringContaining("incident reference") }],
    });
    await expect(vote(security, id, { vote: "DENY", breakGlass: { incidentRef: "INC-1" } })).rejects.toMatchObject({ code: "bad_request" });
    expect(await snapshot(id)).toEqual(before);
  });

  it("still honours separation of duties", async () => {
    const gated = await givenGatedWorkflow();
    const voter = await db.user.update({
      where: { id: gated.owner.id },
      data: { roles: ["OWNER", "SECURITY"] },
      select: { id: true, email: true, name: true, roles: true },
    });
    const { id } = await givenApproval(gated, { tier: "T3" });
    await expect(vote(voter, id, { breakGlass: { incidentRef: "INC-2" } })).rejects.toMatchObject({
      code: "forbidden",
      detail: expect.stringContaining("separation of duties"),
    });
  });
});

describe("bad input changes nothing", () => {
  it("refuses a vote with no reason", async () => {
    const gated = await givenGatedWorkflow();
    const [approver] = await givenApprovers(1);
    const { id } = await givenApproval(gated, { tier: "T2" });
    const before = await snapshot(id);
    await expect(vote(approver!, id, { reason: "  " })).rejects.toMatchObject({
      code: "validation_failed",
      fieldProblems: [{ path: "body.reason" }],
    });
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses a decided request and a request past its deadline (even before the sweeper ran)", async () => {
    const gated = await givenGatedWorkflow();
    const [first, second] = await givenApprovers(2);
    const decided = await givenApproval(gated, { tier: "T2" });
    await vote(first!, decided.id);
    const before = await snapshot(decided.id);
    await expect(vote(second!, decided.id, { vote: "DENY" })).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("already approved"),
    });
    expect(await snapshot(decided.id)).toEqual(before);

    const late = await givenApproval(gated, { tier: "T2" });
    const pastDeadline = new Date(late.expiresAt.getTime() + 1);
    const lateBefore = await snapshot(late.id);
    await expect(vote(second!, late.id, {}, pastDeadline)).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("expired"),
    });
    expect(await snapshot(late.id)).toEqual(lateBefore);
  });
});
