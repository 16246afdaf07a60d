import { afterAll, describe, expect, it } from "vitest";
import { runAudited } from "../audit/run-audited";
import { db } from "../db/client";
import { notificationHub } from "../db/notifications";
import { actorFor, givenApproval, givenApprovers, givenGatedWorkflow } from "@/test/fixtures/approvals";
import { voteOnApproval } from "./vote-on-approval";
import { waitForApprovalState } from "./wait-for-approval-state";

afterAll(() => notificationHub().close());

describe("waiting on a request", () => {
  it("answers at once when it is no longer pending, and null for another workflow's request", async () => {
    const gated = await givenGatedWorkflow();
    const other = await givenGatedWorkflow();
    const { id } = await givenApproval(gated, { tier: "T2" });
    await db.approvalRequest.update({ where: { id }, data: { status: "DENIED", decidedAt: new Date(), outcomeReason: "No" } });
    const started = Date.now();
    await expect(waitForApprovalState({ id, workflowId: gated.workflow.id, waitSeconds: 30 })).resolves.toMatchObject({ status: "DENIED" });
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(waitForApprovalState({ id, workflowId: other.workflow.id, waitSeconds: 30 })).resolves.toBeNull();
  });

  it("wakes within a second of a vote committed on another connection", async () => {
    const gated = await givenGatedWorkflow();
    const [approver] = await givenApprovers(1);
    const { id } = await givenApproval(gated, { tier: "T2" });
    const waiting = waitForApprovalState({ id, workflowId: gated.workflow.id, waitSeconds: 30 });
    await notificationHub().start();
    await db.$queryRaw`SELECT 1`; // the waiter's first read goes out right behind the LISTEN

    await runAudited(db, (tx) =>
      voteOnApproval(tx, { actor: actorFor(approver!), user: approver!, id, vote: { vote: "APPROVE", reason: "Fine" } }),
    );
    const committed = Date.now();
    await expect(waiting).resolves.toMatchObject({ status: "APPROVED", approvals: 1 });
    expect(Date.now() - committed).toBeLessThan(1_000);
  });

  it("keeps waiting through a partial vote, and answers pending at the timeout", async () => {
    const gated = await givenGatedWorkflow();
    const [approver] = await givenApprovers(1);
    const { id } = await givenApproval(gated, { tier: "T3" });
    const started = Date.now();
    const waiting = waitForApprovalState({ id, workflowId: gated.workflow.id, waitSeconds: 2 });
    await runAudited(db, (tx) =>
      voteOnApproval(tx, { actor: actorFor(approver!), user: approver!, id, vote: { vote: "APPROVE", reason: "Fine" } }),
    );
    await expect(waiting).resolves.toMatchObject({ status: "PENDING", approvals: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it("answers expired at the deadline, and stops early when the caller goes away", async () => {
    const gated = await givenGatedWorkflow();
    const { id } = await givenApproval(gated, { tier: "T2", now: new Date(Date.now() - 60 * 60_000 + 1_000) });
    await expect(waitForApprovalState({ id, workflowId: gated.workflow.id, waitSeconds: 30 })).resolves.toMatchObject({
      status: "EXPIRED",
    });

    const fresh = await givenApproval(gated, { tier: "T2" });
    const controller = new AbortController();
    const waiting = waitForApprovalState({ id: fresh.id, workflowId: gated.workflow.id, waitSeconds: 30, signal: controller.signal });
    controller.abort();
    const aborted = Date.now();
    await expect(waiting).resolves.toMatchObject({ status: "PENDING" });
    expect(Date.now() - aborted).toBeLessThan(1_000);
  });
});
