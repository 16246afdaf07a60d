import { describe, expect, it, vi } from "vitest";
import { sweepApprovals } from "@/lib/server/approvals/sweep-approvals";
import { TollgateDeniedError } from "./errors";
import { useRuntimeGate } from "./test-support/runtime-clients";

const REFUND = { chargeId: "ch_3PdupL1cate", amount: 4_200, currency: "EUR" };

describe("guard against the real gate", () => {
  const { gate, client, vote } = useRuntimeGate();

  /** The approval request the gate opened for this run's call, once it exists. */
  const approvalOf = (runId: string) =>
    vi.waitFor(async () => (await gate().db.approvalRequest.findFirstOrThrow({ where: { runId }, select: { id: true } })).id, {
      timeout: 10_000,
      interval: 25,
    });

  it("runs the tool only when the gate allows it", async () => {
    const tollgate = await client();
    const read = vi.fn(async () => ({ subject: "Charged twice" }));
    expect(await tollgate.guard("zendesk.ticket.read", { ticketId: "T-1042" }, read)).toEqual({ subject: "Charged twice" });
    expect(read).toHaveBeenCalledTimes(1);
    expect(tollgate.tierOf("zendesk.ticket.read")).toBe("T0");

    const search = vi.fn();
    const denied = await tollgate.guard("kb.search", { query: "refund policy" }, search).catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(TollgateDeniedError);
    expect(denied).toMatchObject({
      code: "tool_not_allowed",
      reasons: [{ rule: 3, code: "tool_not_allowed", message: expect.stringContaining("support-refunds") }],
    });
    expect(search).not.toHaveBeenCalled();

    const refund = vi.fn();
    await expect(tollgate.guard("stripe.refund", { ...REFUND, amount: 90_000 }, refund)).rejects.toMatchObject({
      reasons: [expect.objectContaining({ rule: 4, path: "amount" })],
    });
    expect(refund).not.toHaveBeenCalled();
  });

  it("waits for two approvers, runs with the approval, and the gate refuses that approval for other arguments", async () => {
    const tollgate = await client();
    const run = tollgate.startRun();
    const refund = vi.fn(async () => ({ refundId: "re_1" }));
    const guarded = run.guard("stripe.refund", REFUND, refund);
    const approvalId = await approvalOf(run.runId);

    await vote(approvalId, "approver@tollgate.local", "APPROVE");
    await expect(vote(approvalId, "data@tollgate.local", "APPROVE")).rejects.toThrow(/separation of duties/);
    expect(refund).not.toHaveBeenCalled();
    await vote(approvalId, "approver2@tollgate.local", "APPROVE");
    const approvedAt = Date.now();
    expect(await guarded).toEqual({ refundId: "re_1" });
    expect(Date.now() - approvedAt).toBeLessThan(1_000);
    expect(refund).toHaveBeenCalledTimes(1);

    const larger = vi.fn();
    const replay = await run.guard("stripe.refund", { ...REFUND, amount: 42_000 }, larger, { approvalId }).catch((error: unknown) => error);
    expect(replay).toMatchObject({ name: "TollgateDeniedError", code: "approval_arguments_mismatch" });
    expect(larger).not.toHaveBeenCalled();
    expect(await run.decide("stripe.refund", REFUND, { approvalId })).toMatchObject({
      outcome: "deny",
      reasons: [{ code: "approval_already_used" }],
    });
  });

  it("denies, without running the tool, when an approver denies or the request expires", async () => {
    const tollgate = await client();
    const email = { to: "jane.doe@example.com", subject: "Your refund", body: "Done." };

    const deniedRun = tollgate.startRun();
    const send = vi.fn();
    const denied = deniedRun.guard("email.send", email, send).catch((error: unknown) => error);
    await vote(await approvalOf(deniedRun.runId), "approver@tollgate.local", "DENY");
    expect(await denied).toMatchObject({ name: "TollgateDeniedError", code: "approval_denied" });

    const expiringRun = tollgate.startRun();
    const expiring = expiringRun.guard("email.send", email, send).catch((error: unknown) => error);
    await approvalOf(expiringRun.runId);
    // The sweeper's clock jumps past the deadline; the real expiry path does the rest.
    await sweepApprovals(gate().db, new Date(Date.now() + 2 * 3_600_000));
    expect(await expiring).toMatchObject({ name: "TollgateDeniedError", code: "approval_expired" });
    expect(send).not.toHaveBeenCalled();
  });

  it("reports the run, the call with its decision and the result with its latency", async () => {
    const tollgate = await client();
    const run = tollgate.startRun({ data: { ticket: "T-1042" } });
    await run.guard("zendesk.ticket.read", { ticketId: "T-1042" }, async () => ({ subject: "Charged twice" }));
    await expect(
      run.guard("zendesk.ticket.read", { ticketId: "T-1043" }, async () => Promise.reject(new Error("Zendesk is down"))),
    ).rejects.toThrow("Zendesk is down");
    run.end({ outcome: "failure" });
    await tollgate.flush();

    const events = await gate().db.runEvent.findMany({ where: { run: { externalId: run.runId } }, orderBy: { occurredAt: "asc" } });
    // Events of the same millisecond have no stored order, so the sequence is checked by its links.
    const shape = (e: (typeof events)[number]) => JSON.stringify([e.type, e.tool, e.outcome]);
    expect(events.map(shape).sort()).toEqual(
      [
        ["run_started", null, null],
        ["tool_call", "zendesk.ticket.read", null],
        ["tool_result", "zendesk.ticket.read", "success"],
        ["tool_call", "zendesk.ticket.read", null],
        ["tool_result", "zendesk.ticket.read", "failure"],
        ["run_ended", null, "failure"],
      ]
        .map((e) => JSON.stringify(e))
        .sort(),
    );
    const at = (type: string) => events.find((e) => e.type === type)!.occurredAt.getTime();
    for (const e of events) expect(at("run_started")).toBeLessThanOrEqual(e.occurredAt.getTime());
    for (const e of events) expect(at("run_ended")).toBeGreaterThanOrEqual(e.occurredAt.getTime());
    const results = events.filter((e) => e.type === "tool_result");
    for (const result of results) {
      const call = events.find((e) => e.type === "tool_call" && e.decisionId === result.decisionId);
      expect(call?.decisionId).toEqual(expect.any(String));
      expect(call!.occurredAt.getTime()).toBeLessThanOrEqual(result.occurredAt.getTime());
      expect(result.latencyMs).toEqual(expect.any(Number));
    }
    const failed = results.find((e) => e.outcome === "failure");
    expect(failed?.data).toMatchObject({ error: "Error: Zendesk is down" });
  });
});
