import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import type { TDecisionPage, TRunTimeline } from "@/lib/contracts/runs";
import type { TWorkflowDetail } from "@/lib/contracts/workflows";
import { asUser, CLAUDE, createDraftByApi, expectProblem, uniqueKey } from "./support/registry";
import { DEMO, signInByForm } from "./support/session";

const APPROVER2 = "approver2@tollgate.local";
const OTHER_OWNER = "owner2@tollgate.local";
// createDraftByApi caps stripe.refund at 500 (T3): 900 breaks the cap (rule 4), 300 needs two people (rule 9).
const REFUND = { chargeId: "ch_e2e_runs", amount: 300, currency: "EUR" };
const TRIGGER = { trigger: "zendesk ticket 4821", requestedBy: "jane.doe@example.com" };

async function ok<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, what: string): Promise<T> {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** An active workflow of the demo owner's with a token that may ask the gate and report events. */
async function givenActiveWorkflow(playwright: PlaywrightWorkerArgs["playwright"], key: string) {
  return asUser(playwright, DEMO.OWNER, async (request) => {
    const draft = await createDraftByApi(request, key);
    const assignments = (["WORKFLOW_OWNER", "DATA_OWNER", "PLATFORM_OWNER", "SECURITY"] as const).map((fn) => ({
      userId: draft.owner.id,
      function: fn,
      role: fn === "WORKFLOW_OWNER" ? "ACCOUNTABLE" : "RESPONSIBLE",
    }));
    const raci = await ok<TWorkflowDetail>(
      await request.put(`/api/v1/workflows/${draft.id}/raci`, { data: { assignments, expectedVersion: draft.version } }),
      200,
      "RACI",
    );
    const { secret } = await ok<{ secret: string }>(
      await request.post(`/api/v1/workflows/${draft.id}/tokens`, { data: { name: "e2e-runs", scopes: ["DECIDE", "INGEST"] } }),
      201,
      "token",
    );
    const workflow = await ok<TWorkflowDetail>(
      await request.post(`/api/v1/workflows/${draft.id}/status`, {
        data: { to: "ACTIVE", reason: "e2e runs", expectedVersion: raci.version },
      }),
      200,
      "activate",
    );
    return { workflow, secret };
  });
}

/** The automation's side, through the real gate: what a refund agent asks and reports. */
function agent(request: APIRequestContext, secret: string, runId: string) {
  const headers = { authorization: `Bearer ${secret}` };
  return {
    decide: async (tool: string, args: Record<string, unknown>, approvalId?: string) =>
      ok<{ outcome: string; approvalId?: string }>(
        await request.post("/api/v1/decisions", {
          headers,
          data: { runId, tool, arguments: args, dataClasses: ["support-tickets"], model: CLAUDE, ...(approvalId ? { approvalId } : {}) },
        }),
        200,
        `decide ${tool}`,
      ),
    report: async (events: Record<string, unknown>[]) => {
      // A millisecond apart, in the order they happened: events of one instant are ordered by id.
      const now = Date.now();
      const body = { events: events.map((e, i) => ({ id: randomUUID(), runId, occurredAt: new Date(now + i).toISOString(), ...e })) };
      const answer = await ok<{ stored: number }>(await request.post("/api/v1/events", { headers, data: body }), 200, "events");
      expect(answer.stored).toBe(events.length);
    },
  };
}

async function vote(playwright: PlaywrightWorkerArgs["playwright"], email: string, approvalId: string, reason: string) {
  await asUser(playwright, email, async (request) =>
    ok(await request.post(`/api/v1/approval-queue/${approvalId}/votes`, { data: { vote: "APPROVE", reason } }), 201, `vote by ${email}`),
  );
}

async function expectNoSeriousAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `${what}: serious axe violations`,
  ).toEqual([]);
}

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

test("an owner follows a denial from the Decisions tab to its run: trigger, decisions, calls and an approval with its votes", async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  const key = uniqueKey("e2e-runs");
  const runId = `run-${key}`;
  const { workflow, secret } = await givenActiveWorkflow(playwright, key);

  await test.step("an agent runs through the gate: two denials, a refund two people approve, then the refund", async () => {
    await asUser(playwright, DEMO.OWNER, async (request) => {
      const bot = agent(request, secret, runId);
      await bot.report([{ type: "run_started", data: TRIGGER }]);
      expect((await bot.decide("stripe.refund", { ...REFUND, amount: 900 })).outcome).toBe("deny");
      expect((await bot.decide("email.send", { to: "x@example.com", subject: "Hi", body: "Hello" })).outcome).toBe("deny");
      const gated = await bot.decide("stripe.refund", REFUND);
      expect(gated.outcome).toBe("require_approval");
      await vote(playwright, DEMO.APPROVER, gated.approvalId!, "Duplicate charge confirmed in Stripe");
      await vote(playwright, APPROVER2, gated.approvalId!, "Amount matches the ticket");
      expect((await bot.decide("stripe.refund", REFUND, gated.approvalId)).outcome).toBe("allow");
      await bot.report([
        { type: "tool_call", tool: "stripe.refund" },
        { type: "tool_result", tool: "stripe.refund", outcome: "success", latencyMs: 1200, data: { refundId: "re_1" } },
        { type: "run_ended", outcome: "success" },
      ]);
      // The gate's decision log writes in the background: wait until all four are stored.
      await expect
        .poll(
          async () =>
            (await ok<TDecisionPage>(await request.get(`/api/v1/workflows/${workflow.id}/decisions`), 200, "decisions")).items.length,
        )
        .toBe(4);
    });
  });

  await signInByForm(page, DEMO.OWNER);
  await test.step("the Decisions tab lists them; filtered to denials (kept in the address), each says why", async () => {
    await page.goto(`/workflows/${workflow.id}`);
    await page.getByRole("navigation", { name: "Workflow sections" }).getByRole("link", { name: "Decisions" }).click();
    const table = page.getByRole("table", { name: "Decisions, newest first" });
    await expect(table.getByRole("row")).toHaveCount(5);
    await page.getByLabel("Outcome").selectOption({ label: "Denied" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/outcome=DENY/);
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table).toContainText("Tool not on the allowlist");
    await expect(table).toContainText("Arguments exceed the workflow's limits");
    await expectNoSeriousAxeViolations(page, "decisions");
    // A reload keeps the filter: it lives in the address.
    await page.reload();
    await expect(page.getByLabel("Outcome")).toHaveValue("DENY");
    await expect(table.getByRole("row")).toHaveCount(3);
  });

  await test.step("from a denial, the run's timeline answers who started it, what was called and who approved what, and why", async () => {
    const denial = page.getByRole("row").filter({ hasText: "Tool not on the allowlist" });
    await denial.getByRole("link", { name: `Run ${runId}: open its timeline` }).click();
    await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
    const summary = page.getByRole("region", { name: "Summary" });
    await expect(summary).toContainText("zendesk ticket 4821");
    // Redacted before it was stored: the requester's address never reaches the page.
    await expect(summary).not.toContainText("jane.doe@example.com");
    await expect(summary).toContainText("Succeeded");
    const timeline = page.getByRole("list", { name: `Timeline of run ${runId}` });
    const entries = timeline.getByRole("listitem");
    await expect(entries).toHaveCount(12);
    await expect(entries.first()).toContainText("Run started");
    await expect(entries.filter({ hasText: "Gate decision" })).toHaveCount(4);
    await expect(entries.filter({ hasText: "Gate decision" }).filter({ hasText: "Denied" })).toHaveCount(2);
    const requested = entries.filter({ hasText: "Approval requested" });
    await expect(requested).toContainText("needs 2 people");
    await expect(requested).toContainText("approved");
    const votes = entries.filter({ hasText: "Approval vote" });
    await expect(votes).toHaveCount(2);
    await expect(votes.nth(0)).toContainText("Avery Chen");
    await expect(votes.nth(0)).toContainText("Duplicate charge confirmed in Stripe");
    await expect(votes.nth(1)).toContainText("Jonas Weber");
    const result = entries.filter({ hasText: "Tool result" });
    await expect(result).toContainText("stripe.refund");
    await expect(result).toContainText("1.2 s");
    await result.getByText("Data (redacted)").click();
    await expect(result.locator("pre")).toContainText("re_1");
    await expect(entries.last()).toContainText("Run ended");
    await expectNoSeriousAxeViolations(page, "run timeline");
  });

  await test.step("the Runs tab lists the run with its denials", async () => {
    await page.getByRole("link", { name: "← All runs" }).click();
    const row = page.getByRole("row").filter({ hasText: runId });
    await expect(row).toContainText("Succeeded");
    await expect(row.getByRole("cell").nth(7)).toHaveText("2");
    await expectNoSeriousAxeViolations(page, "runs");
  });

  await test.step("with the keyboard alone: filter by tool, open a run, expand its data", async () => {
    await page.goto(`/workflows/${workflow.id}/decisions`);
    await page.getByLabel("Tool key").focus();
    await page.keyboard.type("email.send");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/tool=email.send/);
    const link = page.getByRole("link", { name: `Run ${runId}: open its timeline` });
    await expect(link).toHaveCount(1);
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
    const details = page.getByText("Data (redacted)").first();
    await details.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("details[open] pre").first()).toBeVisible();
  });

  await test.step("at phone width (390 px) the three pages fit: tables scroll in their own box, axe clean", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["decisions?outcome=DENY", "runs", `runs/${runId}`]) {
      await page.goto(`/workflows/${workflow.id}/${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await noSidewaysScroll(page);
      await expectNoSeriousAxeViolations(page, `${path} at 390 px`);
    }
  });

  await test.step("the API: bad filters are named (400); another owner's workflow is not found (404), with no data", async () => {
    const bad = await page.request.get(`/api/v1/workflows/${workflow.id}/decisions?outcome=MAYBE&reason=because&colour=red`);
    const problem = await expectProblem(bad, 400, "validation_failed", "bad filters");
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["query", "query.outcome", "query.reason"]);
    expect(JSON.stringify(problem.errors)).toContain("colour");
    await asUser(playwright, OTHER_OWNER, async (request) => {
      for (const path of ["decisions", "runs", `runs/${encodeURIComponent(runId)}`]) {
        const refused = await request.get(`/api/v1/workflows/${workflow.id}/${path}`);
        const body = await expectProblem(refused, 404, "not_found", `${path} as another owner`);
        // The same answer as for a workflow that does not exist: nothing about the run or its decisions.
        expect(body.detail).toBe("The workflow was not found");
        expect(Object.keys(body).sort()).toEqual(["code", "detail", "instance", "requestId", "status", "title", "type"]);
      }
    });
    const timeline = await ok<TRunTimeline>(
      await page.request.get(`/api/v1/workflows/${workflow.id}/runs/${runId}?limit=5`),
      200,
      "timeline",
    );
    expect(timeline.entries).toHaveLength(5);
    expect(timeline.nextCursor).not.toBeNull();
  });
});

test("a workflow halted by its kill switch shows a Halted chip in the list and on its overview, and the list filters to halted ones", async ({
  page,
  playwright,
}) => {
  const base = uniqueKey("e2e-halt");
  const [halted] = await asUser(playwright, DEMO.OWNER, (request) =>
    Promise.all([createDraftByApi(request, `${base}-a`), createDraftByApi(request, `${base}-b`)]),
  );
  await asUser(playwright, DEMO.SECURITY, async (request) =>
    ok(
      await request.post("/api/v1/killswitch", { data: { scope: "WORKFLOW", target: halted!.key, reason: "Refunding twice" } }),
      201,
      "engage",
    ),
  );
  await signInByForm(page, DEMO.OWNER);
  await page.goto(`/workflows?search=${base}`);
  await expect(page.getByRole("row").filter({ hasText: base })).toHaveCount(2);
  await expect(page.getByRole("row").filter({ hasText: `${base}-a` })).toContainText(`Halted by the kill switch on workflow ${base}-a`);
  await expect(page.getByRole("row").filter({ hasText: `${base}-b` })).not.toContainText("Halted");

  await page.getByLabel("Halted only").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/halted=true/);
  await expect(page.getByRole("row").filter({ hasText: base })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: `${base}-a` })).toHaveCount(1);
  await expect(page.getByLabel("Halted only")).toBeChecked();

  await page.goto(`/workflows/${halted!.id}`);
  await expect(page.getByRole("region", { name: "Summary" })).toContainText("Halted by the kill switch on workflow");
  await expect(page.getByRole("region", { name: "Halted" })).toContainText("Refunding twice");
});
