import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { untilWaitingOnLocks } from "@/test/support/locks";
import { runAudited } from "../audit/run-audited";
import type { TSessionUser } from "../authz/principal";
import { db } from "../db/client";
import { actorFor, auditActionsOf, givenApproval, givenApprovers, givenGatedWorkflow } from "@/test/fixtures/approvals";
import { voteOnApproval } from "./vote-on-approval";

const raw = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => raw.end());

const vote = (user: TSessionUser, id: string, kind: "APPROVE" | "DENY") =>
  runAudited(db, (tx) => voteOnApproval(tx, { actor: actorFor(user), user, id, vote: { vote: kind, reason: `${kind} under load` } }));

/** Starts every vote while the request row is held, so they all contend for it at once. */
async function voteAtOnce(id: string, voters: { user: TSessionUser; kind: "APPROVE" | "DENY" }[]) {
  const blocker = await raw.connect();
  await blocker.query("BEGIN");
  await blocker.query("SELECT id FROM approval_requests WHERE id = $1 FOR UPDATE", [id]);
  const settled = Promise.allSettled(voters.map((v) => vote(v.user, id, v.kind)));
  await untilWaitingOnLocks({ pool: raw, count: 5, settled });
  await blocker.query("COMMIT");
  blocker.release();
  return settled;
}

describe("many approvers deciding one request at once", () => {
  it("20 concurrent approvals of a T3 request: exactly one APPROVED outcome, from exactly 2 counted votes", async () => {
    const gated = await givenGatedWorkflow();
    const approvers = await givenApprovers(20);
    const { id } = await givenApproval(gated, { tier: "T3" });

    const results = await voteAtOnce(
      id,
      approvers.map((user) => ({ user, kind: "APPROVE" })),
    );
    const fulfilled = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(fulfilled.map((f) => f.status).sort()).toEqual(["APPROVED", "PENDING"]);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(18);
    for (const r of results)
      if (r.status === "rejected")
        expect(r.reason).toMatchObject({ code: "conflict", detail: expect.stringContaining("already approved") });

    const final = await db.approvalRequest.findUniqueOrThrow({ where: { id }, include: { votes: true } });
    expect(final.status).toBe("APPROVED");
    expect(final.votes).toHaveLength(2);
    expect(new Set(final.votes.map((v) => v.userId)).size).toBe(2);
    expect((await auditActionsOf(id)).filter((a) => a === "approval.decided")).toHaveLength(1);
  });

  it("a mix of concurrent approvals and denials never yields two outcomes", async () => {
    const gated = await givenGatedWorkflow();
    const people = await givenApprovers(16);
    const { id } = await givenApproval(gated, { tier: "T3" });

    const results = await voteAtOnce(
      id,
      people.map((user, i) => ({ user, kind: i % 2 ? "DENY" : "APPROVE" })),
    );
    const decisive = results.flatMap((r) => (r.status === "fulfilled" && r.value.status !== "PENDING" ? [r.value.status] : []));
    expect(decisive).toHaveLength(1);

    const final = await db.approvalRequest.findUniqueOrThrow({ where: { id }, include: { votes: { orderBy: { createdAt: "asc" } } } });
    expect(final.status).toBe(decisive[0]);
    const approvals = final.votes.filter((v) => v.vote === "APPROVE").length;
    const denials = final.votes.filter((v) => v.vote === "DENY").length;
    if (final.status === "APPROVED") expect([approvals, denials]).toEqual([2, 0]);
    else expect([approvals <= 1, denials]).toEqual([true, 1]);
    expect((await auditActionsOf(id)).filter((a) => a === "approval.decided")).toHaveLength(1);
    expect((await auditActionsOf(id)).filter((a) => a === "approval.voted")).toHaveLength(final.votes.length);
  });
});
