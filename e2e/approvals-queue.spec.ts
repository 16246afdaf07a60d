import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import type { TApprovalState } from "@/lib/contracts/approvals";
import type { TWorkflowDetail } from "@/lib/contracts/workflows";
import { asUser, CLAUDE, createDraftByApi, expectProblem, uniqueKey } from "./support/registry";
import { DEMO, signInByForm } from "./support/session";

const APPROVER2 = "approver2@tollgate.local";
// An owner who is also an approver: made Responsible in the workflow's RACI, so separation of duties keeps them out.
const RESPONSIBLE_APPROVER = "data@tollgate.local";
const REFUND = { chargeId: "ch_e2e_1", amount: 300, currency: "EUR" };

async function ok<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, what: string): Promise<T> {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** An active workflow of the demo owner's with a T3 refund tool, `responsibleId` Responsible for its data, and a DECIDE token. */
async function givenGatedWorkflow(request: APIRequestContext, key: string, responsibleId: string): Promise<{ workflow: TWorkflowDetail; secret: string }> {
  const draft = await createDraftByApi(request, key);
  const assignments = [
    { userId: draft.owner.id, function: "WORKFLOW_OWNER", role: "ACCOUNTABLE" },
    { userId: responsibleId, function: "DATA_OWNER", role: "RESPONSIBLE" },
    { userId: draft.owner.id, function: "PLATFORM_OWNER", role: "RESPONSIBLE" },
    { userId: draft.owner.id, function: "SECURITY", role: "CONSULTED" },
  ];
  const raci = await ok<TWorkflowDetail>(await request.put(`/api/v1/workflows/${draft.id}/raci`, { data: { assignments, expectedVersion: draft.version } }), 200, "RACI");
  const { secret } = await ok<{ secret: string }>(await request.post(`/api/v1/workflows/${draft.id}/tokens`, { data: { name: "e2e-agent", scopes: ["DECIDE"] } }), 201, "token");
  const workflow = await ok<TWorkflowDetail>(
    await request.post(`/api/v1/workflows/${draft.id}/status`, { data: { to: "ACTIVE", reason: "e2e approvals", expectedVersion: raci.version } }),
    200,
    "activate",
  );
  return { workflow, secret };
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInByForm(page, email);
  await page.goto("/approvals");
  return page;
}

const queueRow = (page: Page, key: string) => page.getByRole("row").filter({ hasText: key });

test("a T3 refund waits for two distinct approvers, live in their queues; the owner's side is refused; the agent proceeds at once", async ({ browser, playwright }) => {
  test.setTimeout(120_000);
  const key = uniqueKey("e2e-approvals");
  const users = await asUser(playwright, DEMO.ADMIN, async (request) => ok<{ users: { id: string; email: string }[] }>(await request.get("/api/v1/users"), 200, "users"));
  const responsible = users.users.find((u) => u.email === RESPONSIBLE_APPROVER)!;
  const { workflow, secret } = await asUser(playwright, DEMO.OWNER, (request) => givenGatedWorkflow(request, key, responsible.id));
  const agent = await playwright.request.newContext({ extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const first = await signedInPage(browser, DEMO.APPROVER);
  const second = await signedInPage(browser, APPROVER2);

  let approvalId = "";
  await test.step("the agent attempts a T3 refund: it must wait for people", async () => {
    const decision = await ok<{ outcome: string; approvalId: string; approvalsRequired: number }>(
      await agent.post("/api/v1/decisions", { data: { runId: `run-${randomUUID()}`, tool: "stripe.refund", arguments: REFUND, dataClasses: ["support-tickets"], model: CLAUDE } }),
      200,
      "decision",
    );
    expect(decision).toMatchObject({ outcome: "require_approval", approvalsRequired: 2 });
    approvalId = decision.approvalId;
  });

  await test.step("the request appears in both approvers' queues without a reload", async () => {
    for (const page of [first, second]) await expect(queueRow(page, key)).toContainText("0 of 2");
  });

  await test.step("the workflow's owner and its Responsible approver are refused, and do not see it queued", async () => {
    await asUser(playwright, DEMO.OWNER, async (request) => {
      const refused = await request.post(`/api/v1/approval-queue/${approvalId}/votes`, { data: { vote: "APPROVE", reason: "My own workflow" } });
      await expectProblem(refused, 403, "forbidden", "owner votes");
    });
    const page = await signedInPage(browser, RESPONSIBLE_APPROVER);
    await expect(page.getByText(/Nothing waiting for you|waiting for you/)).toBeVisible();
    await expect(queueRow(page, key)).toHaveCount(0);
    await page.goto(`/approvals/${approvalId}`);
    await expect(page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "separation of duties" })).toBeVisible();
    const refused = await page.request.post(`/api/v1/approval-queue/${approvalId}/votes`, { data: { vote: "APPROVE", reason: "Looks fine" } });
    expect((await expectProblem(refused, 403, "forbidden", "responsible votes")).detail).toContain("Responsible");
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
  });

  await test.step("the second approver approves; the waiting agent learns it within a second and its call passes once", async () => {
    const waiting = agent.get(`/api/v1/approvals/${approvalId}?waitSeconds=30`);
    await queueRow(second, key).getByRole("link", { name: "stripe.refund" }).click();
    const form = second.getByRole("form", { name: "Your decision" });
    await form.getByLabel("Reason for your decision").fill("Amount matches the duplicate");
    await form.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(second.getByText("Approved: the automation may now make exactly this call, once")).toBeVisible();
    const approvedAt = Date.now();
    const state = await ok<TApprovalState>(await waiting, 200, "wait");
    expect(Date.now() - approvedAt).toBeLessThan(1_000);
    expect(state).toMatchObject({ status: "APPROVED", approvals: 2 });

    const decide = (args: object) =>
      agent.post("/api/v1/decisions", { data: { runId: `run-${randomUUID()}`, tool: "stripe.refund", arguments: args, dataClasses: ["support-tickets"], model: CLAUDE, approvalId } });
    const larger = await ok<{ outcome: string; reasons: { code: string }[] }>(await decide({ ...REFUND, amount: 450 }), 200, "larger amount");
    expect(larger).toMatchObject({ outcome: "deny", reasons: expect.arrayContaining([expect.objectContaining({ code: "approval_arguments_mismatch" })]) });
    await expect(ok(await decide(REFUND), 200, "approved call")).resolves.toMatchObject({ outcome: "allow" });
  });

  await test.step("the history lists it with both approvers and a link to its audit trail", async () => {
    await second.goto("/approvals/history");
    await second.getByLabel("Workflow key").fill(workflow.key);
    await second.getByRole("button", { name: "Search" }).click();
    const row = queueRow(second, key);
    await expect(row).toContainText(DEMO.APPROVER);
    await expect(row).toContainText(APPROVER2);
    await expect(row.getByRole("link", { name: "Trail" })).toHaveAttribute("href", `/audit?target=approval%3A${approvalId}`);
  });
  await agent.dispose();
});
