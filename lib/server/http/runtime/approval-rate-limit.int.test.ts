import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { voteOnApproval } from "@/lib/server/approvals/vote-on-approval";
import { givenApprovers } from "@/test/fixtures/approvals";
import { runAudited } from "@/lib/server/audit/run-audited";
import { startRuntimeTestServer, type TRuntimeTestServer } from "@/test/support/runtime-server";

let server: TRuntimeTestServer;
let token: string;

beforeAll(async () => {
  server = await startRuntimeTestServer();
  token = await server.mintToken();
  // stripe.refund (T3) for support-refunds: at most one call a minute.
  const workflow = await server.db.workflow.findUniqueOrThrow({ where: { key: "support-refunds" } });
  const tool = await server.db.tool.findUniqueOrThrow({ where: { key: "stripe.refund" } });
  await server.db.workflowTool.update({
    where: { workflowId_toolId: { workflowId: workflow.id, toolId: tool.id } },
    data: { ratePerMinute: 1 },
  });
  server.door.gate.snapshots.invalidate(null);
});
afterAll(async () => server.stop());

type TAnswer = { outcome: string; approvalId?: string; reasons: { rule: number; code: string }[] };
const refund = (amount: number, approvalId?: string) =>
  fetch(`${server.url}/api/v1/decisions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      runId: "run-1",
      model: "anthropic/claude-sonnet-4-5/2025-09-29",
      dataClasses: ["payment-cards"],
      tool: "stripe.refund",
      arguments: { chargeId: "ch_1", amount, currency: "USD" },
      ...(approvalId ? { approvalId } : {}),
    }),
  }).then((r) => r.json() as Promise<TAnswer>);

describe("an approved call and the tool's rate limit", () => {
  it("counts the decision that opened the approval, not the one that spends it; a fresh call in the same minute is limited", async () => {
    const opened = await refund(12_000);
    expect(opened).toMatchObject({ outcome: "require_approval", reasons: [{ rule: 9, code: "approval_required" }] });
    const id = opened.approvalId ?? "";
    for (const user of await givenApprovers(2)) {
      await runAudited(server.db, (tx) =>
        voteOnApproval(tx, {
          actor: { type: "user", id: user.id, label: user.email, requestId: null },
          user,
          id,
          vote: { vote: "APPROVE", reason: "checked the charge" },
        }),
      );
    }
    expect(await server.db.approvalRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "APPROVED" });

    expect(await refund(12_000, id)).toMatchObject({ outcome: "allow", reasons: [{ rule: 9, code: "approval_granted" }] });
    expect(await refund(11_000)).toMatchObject({ outcome: "deny", reasons: [{ rule: 7, code: "rate_limited" }] });
    // Spent: bringing it again is no longer a spend, so it counts (and the minute's one call is gone).
    expect(await refund(12_000, id)).toMatchObject({ outcome: "deny", reasons: [{ rule: 7, code: "rate_limited" }] });
  });
});
