import { describe, expect, it } from "vitest";
import type { TAuditActor } from "@/lib/contracts/audit";
import { runAudited } from "../audit/run-audited";
import { db } from "../db/client";
import { hashArguments } from "../shared/hash-arguments";
import { cancelApprovalsForKillSwitch } from "./cancel-approvals-for-kill-switch";
import { consumeApproval } from "./consume-approval";
import { readApprovalState } from "./read-approval-state";
import { sweepApprovals } from "./sweep-approvals";
import {
  actorFor,
  auditActionsOf,
  deliveriesOf,
  givenApproval,
  givenApprovers,
  givenGatedWorkflow,
  givenNothingElsePending,
  givenWebhookEndpoint,
  REFUND_ARGS,
} from "@/test/fixtures/approvals";
import { voteOnApproval } from "./vote-on-approval";

const MINUTE = 60_000;
const HALT: TAuditActor = { type: "user", id: null, label: "security lead", requestId: null };
const approveAll = async (id: string, count: number) => {
  for (const user of await givenApprovers(count)) {
    await runAudited(db, (tx) => voteOnApproval(tx, { actor: actorFor(user), user, id, vote: { vote: "APPROVE", reason: "Looks right" } }));
  }
};

describe("opening a request", () => {
  it("stores the arguments redacted, bound to the real ones' hash, with the workflow's deadline and escalation half-way", async () => {
    const gated = await givenGatedWorkflow({ timeoutMinutes: 30 });
    const endpoint = await givenWebhookEndpoint(gated.owner.id);
    const now = new Date("2030-01-01T10:00:00.000Z");
    const { id, expiresAt } = await givenApproval(gated, { now });
    expect(expiresAt).toEqual(new Date("2030-01-01T10:30:00.000Z"));
    const row = await db.approvalRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "PENDING",
      tier: "T3",
      approvalsRequired: 2,
      argumentsHash: hashArguments({ args: REFUND_ARGS }),
      tokenId: gated.token.id,
    });
    expect(row.escalateAt).toEqual(new Date("2030-01-01T10:15:00.000Z"));
    expect(row.arguments).toEqual({ amount: 4200, currency: "EUR", customerEmail: "[REDACTED:email]" });
    const [requested] = await db.auditEvent.findMany({ where: { targetType: "approval", targetId: id } });
    expect(requested).toMatchObject({
      action: "approval.requested",
      actorType: "service",
      data: { workflowKey: gated.workflow.key, tier: "T3", expiresAt: expiresAt.toISOString() },
    });
    const [created] = await deliveriesOf(endpoint, id);
    expect(created).toMatchObject({
      event: "approval.created",
      payload: { data: { id, status: "PENDING", approvals: 0, reason: expect.stringContaining("T3") } },
    });
  });
});

describe("reading a request's state", () => {
  it("is scoped to the asking workflow, and reads a pending request past its deadline as expired before the sweeper runs", async () => {
    const gated = await givenGatedWorkflow();
    const other = await givenGatedWorkflow();
    const { id, expiresAt } = await givenApproval(gated);
    expect(await readApprovalState(db, { id, workflowId: other.workflow.id })).toBeNull();
    await expect(readApprovalState(db, { id, workflowId: gated.workflow.id })).resolves.toMatchObject({
      status: "PENDING",
      workflowKey: gated.workflow.key,
      approvals: 0,
      approvalsRequired: 2,
    });
    const late = await readApprovalState(db, { id, workflowId: gated.workflow.id, now: new Date(expiresAt.getTime() + 1) });
    expect(late).toMatchObject({
      status: "EXPIRED",
      decidedAt: expiresAt.toISOString(),
      outcomeReason: expect.stringContaining("counts as denied"),
    });
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });
});

describe("the sweeper", () => {
  it("escalates at half-way and expires at the deadline, once each, with audit and webhooks", async () => {
    await givenNothingElsePending();
    const gated = await givenGatedWorkflow({ timeoutMinutes: 60 });
    const endpoint = await givenWebhookEndpoint(gated.owner.id);
    const created = new Date();
    const { id } = await givenApproval(gated, { now: created });
    const at = (minutes: number) => new Date(created.getTime() + minutes * MINUTE);

    expect(await sweepApprovals(db, at(29))).toEqual({ expired: 0, escalated: 0 });
    expect(await sweepApprovals(db, at(30))).toEqual({ expired: 0, escalated: 1 });
    expect(await sweepApprovals(db, at(45))).toEqual({ expired: 0, escalated: 0 });
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id } })).escalatedAt).toEqual(at(30));
    expect(await sweepApprovals(db, at(60))).toEqual({ expired: 1, escalated: 0 });
    expect(await sweepApprovals(db, at(61))).toEqual({ expired: 0, escalated: 0 });

    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "EXPIRED",
      decidedAt: at(60),
      outcomeReason: expect.stringContaining("counts as denied"),
    });
    expect(await auditActionsOf(id)).toEqual(["approval.requested", "approval.escalated", "approval.expired"]);
    expect((await deliveriesOf(endpoint, id)).map((d) => [d.event, (d.payload as { data: { status: string } }).data.status])).toEqual([
      ["approval.created", "PENDING"],
      ["approval.escalated", "PENDING"],
      ["approval.decided", "EXPIRED"],
    ]);
  });

  it("expires straight away what is already past its deadline, without escalating it first", async () => {
    await givenNothingElsePending();
    const gated = await givenGatedWorkflow({ timeoutMinutes: 10 });
    const created = new Date();
    const { id } = await givenApproval(gated, { now: created });
    expect(await sweepApprovals(db, new Date(created.getTime() + 11 * MINUTE))).toEqual({ expired: 1, escalated: 0 });
    expect(await auditActionsOf(id)).toEqual(["approval.requested", "approval.expired"]);
  });
});

describe("spending an approval", () => {
  it("passes once for exactly the approved call, then says it was used", async () => {
    const gated = await givenGatedWorkflow();
    const { id } = await givenApproval(gated, { tier: "T2" });
    await approveAll(id, 1);
    const hash = hashArguments({ args: REFUND_ARGS });
    const consume = (options: Partial<Parameters<typeof consumeApproval>[1]> = {}) =>
      db.$transaction((tx) =>
        consumeApproval(tx, { id, workflowId: gated.workflow.id, tool: "stripe.refund", argumentsHash: hash, ...options }),
      );

    const larger = hashArguments({ args: { ...REFUND_ARGS, amount: 9900 } });
    await expect(consume({ argumentsHash: larger })).resolves.toMatchObject({
      ok: false,
      code: "approval_arguments_mismatch",
      message: expect.stringContaining("exactly the arguments"),
    });
    await expect(consume({ tool: "email.send" })).resolves.toMatchObject({ ok: false, code: "approval_arguments_mismatch" });
    const other = await givenGatedWorkflow();
    await expect(consume({ workflowId: other.workflow.id })).resolves.toMatchObject({ ok: false, code: "approval_not_found" });
    await expect(consume()).resolves.toEqual({ ok: true });
    await expect(consume()).resolves.toMatchObject({
      ok: false,
      code: "approval_already_used",
      message: expect.stringContaining("spent once"),
    });
  });

  it("lets only one of two racing calls spend it", async () => {
    const gated = await givenGatedWorkflow();
    const { id } = await givenApproval(gated, { tier: "T2" });
    await approveAll(id, 1);
    const argumentsHash = hashArguments({ args: REFUND_ARGS });
    const spend = () =>
      db.$transaction((tx) => consumeApproval(tx, { id, workflowId: gated.workflow.id, tool: "stripe.refund", argumentsHash }));
    const results = await Promise.all([spend(), spend(), spend()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("explains a pending, a denied and an expired request", async () => {
    const gated = await givenGatedWorkflow();
    const argumentsHash = hashArguments({ args: REFUND_ARGS });
    const consume = (id: string, now?: Date) =>
      db.$transaction((tx) => consumeApproval(tx, { id, workflowId: gated.workflow.id, tool: "stripe.refund", argumentsHash, now }));

    const pending = await givenApproval(gated, { tier: "T3" });
    await approveAll(pending.id, 1);
    await expect(consume(pending.id)).resolves.toMatchObject({
      code: "approval_pending",
      message: expect.stringContaining("1 more approval"),
    });
    await expect(consume(pending.id, new Date(pending.expiresAt.getTime() + 1))).resolves.toMatchObject({ code: "approval_expired" });

    const denied = await givenApproval(gated, { tier: "T2" });
    const [denier] = await givenApprovers(1);
    await runAudited(db, (tx) =>
      voteOnApproval(tx, { actor: actorFor(denier!), user: denier!, id: denied.id, vote: { vote: "DENY", reason: "Not our customer" } }),
    );
    await expect(consume(denied.id)).resolves.toMatchObject({
      code: "approval_denied",
      message: expect.stringContaining("Not our customer"),
    });
  });
});

describe("a kill switch cancels the pending requests it covers", () => {
  it.each([
    ["GLOBAL", () => "*", 3],
    ["WORKFLOW", (key: string) => key, 2],
    ["TOOL", () => "email.send", 1],
    ["MODEL", () => "acme/large/2", 2],
    ["PROVIDER", () => "acme", 2],
  ] as const)("%s", async (scope, target, expected) => {
    await givenNothingElsePending();
    const gated = await givenGatedWorkflow();
    const other = await givenGatedWorkflow();
    const endpoint = await givenWebhookEndpoint(gated.owner.id);
    const refund = await givenApproval(gated, { tier: "T3" });
    const email = await givenApproval(gated, { tier: "T2", tool: "email.send", model: "other/small/1" });
    const elsewhere = await givenApproval(other, { tier: "T3" });
    const decided = await givenApproval(gated, { tier: "T2" });
    await approveAll(decided.id, 1);

    const cancelled = await runAudited(db, (tx) =>
      cancelApprovalsForKillSwitch(tx, HALT, { scope, target: target(gated.workflow.key), reason: "Incident 42" }),
    );
    expect(cancelled).toBe(expected);
    const statuses = await db.approvalRequest.findMany({
      where: { id: { in: [refund.id, email.id, elsewhere.id] } },
      select: { id: true, status: true, outcomeReason: true },
    });
    expect(statuses.filter((s) => s.status === "CANCELLED")).toHaveLength(expected);
    const one = statuses.find((s) => s.status === "CANCELLED");
    expect(one?.outcomeReason).toContain("Incident 42");
    expect(await auditActionsOf(one!.id)).toContain("approval.cancelled");
    expect((await deliveriesOf(endpoint, one!.id)).map((d) => d.event)).toContain("approval.decided");
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: decided.id } })).status).toBe("APPROVED");
  });
});
