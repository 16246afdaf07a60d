import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import type { TWorkflowDetail } from "@/lib/contracts/workflows";
import { createTollgate, TollgateDeniedError, type TTollgate } from "@/sdk";
import { withE2eDatabase } from "./support/database";
import { E2E_BASE_URL } from "./support/ports";
import { asUser, CLAUDE, createDraftByApi, expectProblem, uniqueKey } from "./support/registry";
import { DEMO, signInByForm } from "./support/session";

const APPROVER2 = "approver2@tollgate.local";
// An owner who is also an approver: made Responsible in the workflow's RACI, so separation of duties keeps them out.
const RESPONSIBLE_APPROVER = "data@tollgate.local";
// createDraftByApi caps stripe.refund at 500, so LARGER passes rule 4 and only the approval (rule 9) can refuse it.
const REFUND = { chargeId: "ch_e2e_1", amount: 300, currency: "EUR" };
const LARGER = { ...REFUND, amount: 450 };

async function ok<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, what: string): Promise<T> {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** An active workflow of the demo owner's with a T3 refund tool, the Responsible approver in its RACI, and an agent token. */
async function givenGatedWorkflow(
  playwright: PlaywrightWorkerArgs["playwright"],
  key: string,
): Promise<{ workflow: TWorkflowDetail; secret: string }> {
  const users = await asUser(playwright, DEMO.ADMIN, async (request) =>
    ok<{ users: { id: string; email: string }[] }>(await request.get("/api/v1/users"), 200, "users"),
  );
  const responsible = users.users.find((u) => u.email === RESPONSIBLE_APPROVER)!;
  return asUser(playwright, DEMO.OWNER, async (request) => {
    const draft = await createDraftByApi(request, key);
    const assignments = [
      { userId: draft.owner.id, function: "WORKFLOW_OWNER", role: "ACCOUNTABLE" },
      { userId: responsible.id, function: "DATA_OWNER", role: "RESPONSIBLE" },
      { userId: draft.owner.id, function: "PLATFORM_OWNER", role: "RESPONSIBLE" },
      { userId: draft.owner.id, function: "SECURITY", role: "CONSULTED" },
    ];
    const raci = await ok<TWorkflowDetail>(
      await request.put(`/api/v1/workflows/${draft.id}/raci`, { data: { assignments, expectedVersion: draft.version } }),
      200,
      "RACI",
    );
    // guard asks the gate (DECIDE) and reports tool_call/tool_result events (INGEST).
    const { secret } = await ok<{ secret: string }>(
      await request.post(`/api/v1/workflows/${draft.id}/tokens`, { data: { name: "e2e-agent", scopes: ["DECIDE", "INGEST"] } }),
      201,
      "token",
    );
    const workflow = await ok<TWorkflowDetail>(
      await request.post(`/api/v1/workflows/${draft.id}/status`, {
        data: { to: "ACTIVE", reason: "e2e approvals", expectedVersion: raci.version },
      }),
      200,
      "activate",
    );
    return { workflow, secret };
  });
}

/** Runs `fn` with an SDK client holding the workflow's token; it closes with every event acknowledged and no background failure. */
async function asAgent(secret: string, fn: (agent: TTollgate) => Promise<void>): Promise<void> {
  const failures: unknown[] = [];
  const agent = createTollgate({
    baseUrl: E2E_BASE_URL,
    token: secret,
    model: CLAUDE,
    dataClasses: ["support-tickets"],
    runId: `run-${randomUUID()}`,
    onError: (e) => failures.push(e),
  });
  let unsent = -1;
  try {
    await fn(agent);
  } finally {
    ({ unsent } = await agent.close());
  }
  expect(unsent, "events the gate never acknowledged").toBe(0);
  expect(failures, "the SDK's background failures").toEqual([]);
}

/** Guards a refund; answers the guarded promise and the times the refund ran. */
function attemptRefund(agent: TTollgate): { guarded: Promise<{ refundId: string }>; refundedAt: number[] } {
  const refundedAt: number[] = [];
  const guarded = agent.guard("stripe.refund", REFUND, () => {
    refundedAt.push(Date.now());
    return { refundId: "re_e2e_1" };
  });
  // Awaited later; this only keeps an early rejection from counting as unhandled meanwhile.
  guarded.catch(() => {});
  return { guarded, refundedAt };
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInByForm(page, email);
  await page.goto("/approvals");
  await expect(page.getByRole("status").filter({ hasText: "Live: new requests and decisions appear without a reload" })).toBeVisible();
  return page;
}

const queueRow = (page: Page, key: string) => page.getByRole("row").filter({ hasText: key });

/** The agent's request as its queue row shows it: the row names the agent's run, its link the request. */
async function queuedApprovalId(page: Page, key: string, agent: TTollgate): Promise<string> {
  const row = queueRow(page, key);
  await expect(row).toContainText(agent.runId);
  const href = await row.getByRole("link", { name: "stripe.refund" }).getAttribute("href");
  return href!.replace("/approvals/", "");
}

async function searchHistory(page: Page, filters: { workflowKey: string; outcome?: string }): Promise<void> {
  await page.goto("/approvals/history");
  await page.getByLabel("Workflow key").fill(filters.workflowKey);
  if (filters.outcome) await page.getByLabel("Outcome").selectOption({ label: filters.outcome });
  await page.getByRole("button", { name: "Search" }).click();
}

test("a T3 refund waits for two distinct approvers, live in their queues; the owner's side is refused; the agent proceeds at once", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(120_000);
  const key = uniqueKey("e2e-approvals");
  const { workflow, secret } = await givenGatedWorkflow(playwright, key);
  const first = await signedInPage(browser, DEMO.APPROVER);
  const second = await signedInPage(browser, APPROVER2);

  await asAgent(secret, async (agent) => {
    const { guarded, refundedAt } = attemptRefund(agent);

    let approvalId = "";
    await test.step("the agent's guarded refund appears in both approvers' queues without a reload", async () => {
      for (const page of [first, second]) await expect(queueRow(page, key)).toContainText("0 of 2");
      approvalId = await queuedApprovalId(first, key, agent);
      expect(refundedAt).toEqual([]);
    });

    await test.step("the workflow's owner and its Responsible approver are refused, and do not see it queued", async () => {
      await asUser(playwright, DEMO.OWNER, async (request) => {
        const refused = await request.post(`/api/v1/approval-queue/${approvalId}/votes`, {
          data: { vote: "APPROVE", reason: "My own workflow" },
        });
        await expectProblem(refused, 403, "forbidden", "owner votes");
      });
      const page = await signedInPage(browser, RESPONSIBLE_APPROVER);
      await expect(page.getByText(/^\d+ waiting for you/)).toBeVisible();
      await expect(queueRow(page, key)).toHaveCount(0);
      await page.goto(`/approvals/${approvalId}`);
      await expect(page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "separation of duties" })).toBeVisible();
      const refused = await page.request.post(`/api/v1/approval-queue/${approvalId}/votes`, {
        data: { vote: "APPROVE", reason: "Looks fine" },
      });
      expect((await expectProblem(refused, 403, "forbidden", "responsible votes")).detail).toContain("Responsible");
      await page.context().close();
    });

    await test.step("the first approver approves with a reason: one more is needed, and the other queue shows it live", async () => {
      await queueRow(first, key).getByRole("link", { name: "stripe.refund" }).click();
      const form = first.getByRole("form", { name: "Your decision" });
      await form.getByRole("button", { name: "Approve", exact: true }).click();
      await expect(form.getByText("Give a reason of at least 3 characters")).toBeVisible();
      await form.getByLabel("Reason for your decision").fill("Duplicate charge confirmed in the ticket");
      await form.getByRole("button", { name: "Approve", exact: true }).click();
      await expect(first.getByText("Your approval is recorded; it needs 1 more approval from someone else")).toBeVisible();
      await expect(queueRow(second, key)).toContainText("1 of 2");
      expect(refundedAt).toEqual([]);
    });

    await test.step("the second approver approves; the guarded refund runs, once, within a second", async () => {
      await queueRow(second, key).getByRole("link", { name: "stripe.refund" }).click();
      const form = second.getByRole("form", { name: "Your decision" });
      await form.getByLabel("Reason for your decision").fill("Amount matches the duplicate");
      // The final vote is committed when the server answers it: measure from there, not from the UI repainting.
      const voted = second.waitForResponse(
        (r) => r.request().method() === "POST" && r.url().endsWith(`/api/v1/approval-queue/${approvalId}/votes`),
      );
      await form.getByRole("button", { name: "Approve", exact: true }).click();
      expect((await voted).status()).toBe(201);
      const approvedAt = Date.now();
      await expect(second.getByText("Approved: the automation may now make exactly this call, once")).toBeVisible();
      expect(await guarded).toEqual({ refundId: "re_e2e_1" });
      expect(refundedAt).toHaveLength(1);
      const unblockedMs = refundedAt[0]! - approvedAt;
      test.info().annotations.push({ type: "final vote answered → refund ran (ms)", description: String(unblockedMs) });
      expect(unblockedMs, "ms from the final vote's answer to the refund running").toBeLessThan(1_000);
    });

    await test.step("the same approval is refused for a larger amount, and is spent for the approved one", async () => {
      const larger = await agent.decide("stripe.refund", LARGER, { approvalId });
      expect(larger).toMatchObject({ source: "gate", outcome: "deny", reasons: [{ rule: 9, code: "approval_arguments_mismatch" }] });
      const again = await agent.decide("stripe.refund", REFUND, { approvalId });
      expect(again).toMatchObject({ source: "gate", outcome: "deny", reasons: [{ rule: 9, code: "approval_already_used" }] });
    });

    await test.step("the history lists it with both approvers and a link to its audit trail", async () => {
      await searchHistory(second, { workflowKey: workflow.key });
      const row = queueRow(second, key);
      await expect(row).toContainText(DEMO.APPROVER);
      await expect(row).toContainText(APPROVER2);
      await expect(row.getByRole("link", { name: "Trail" })).toHaveAttribute("href", `/audit?target=approval%3A${approvalId}`);
    });
  });
});

test("a request left alone expires and the agent gets a deny", async ({ browser, playwright }) => {
  test.setTimeout(90_000);
  const key = uniqueKey("e2e-approval-expiry");
  const { workflow, secret } = await givenGatedWorkflow(playwright, key);
  const page = await signedInPage(browser, DEMO.APPROVER);

  await asAgent(secret, async (agent) => {
    const { guarded, refundedAt } = attemptRefund(agent);
    const approvalId = await test.step("the agent's guarded refund is queued", async () => {
      await expect(queueRow(page, key)).toContainText("0 of 2");
      return queuedApprovalId(page, key, agent);
    });

    await test.step("past its deadline, the server's sweeper expires it: the agent is denied and the refund never runs", async () => {
      // Moves time only: the deadline (and escalation, at half of it) are now behind us; the server decides the rest.
      const moved = await withE2eDatabase((client) =>
        client.query(
          "UPDATE approval_requests SET escalate_at = now() - interval '1 second', expires_at = now() - interval '1 second' WHERE id = $1 AND status = 'PENDING'",
          [approvalId],
        ),
      );
      expect(moved.rowCount).toBe(1);
      const denied = await guarded.catch((error: unknown) => error);
      expect(denied).toBeInstanceOf(TollgateDeniedError);
      expect(denied).toMatchObject({ code: "approval_expired", reasons: [{ rule: 9, code: "approval_expired" }] });
      expect(refundedAt).toEqual([]);
    });

    await test.step("the queue drops it live and the history shows it expired", async () => {
      await expect(queueRow(page, key)).toHaveCount(0);
      // The history does not update live: search again until the sweeper (every second) has written EXPIRED.
      await expect(async () => {
        await searchHistory(page, { workflowKey: workflow.key, outcome: "Expired" });
        await expect(queueRow(page, key)).toContainText("expired", { timeout: 2_000 });
      }).toPass({ timeout: 15_000 });
      await expect(queueRow(page, key).getByRole("link", { name: "Trail" })).toHaveAttribute(
        "href",
        `/audit?target=approval%3A${approvalId}`,
      );
    });
  });
});
