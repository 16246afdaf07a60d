import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { TDashboard } from "@/lib/contracts/dashboard";
import type { TScorecard } from "@/lib/contracts/scorecard";
import type { TWorkflowDetail } from "@/lib/contracts/workflows";
import { asUser, CLAUDE, expectProblem, uniqueKey } from "./support/registry";
import { createTokenByApi } from "./support/seeded-ids";
import { DEMO, signInByForm } from "./support/session";
import { decide, reportEvents } from "./support/traffic";

const OTHER_OWNER = "owner2@tollgate.local";

/** An active workflow of the owner's holding customer data (confidential), reading tickets freely and refunding only with approval. */
async function givenActiveWorkflow(request: APIRequestContext, key: string): Promise<TWorkflowDetail> {
  const created = await request.post("/api/v1/workflows", {
    data: {
      key,
      name: `Dashboard ${key}`,
      purpose: "Answers customers from their tickets and refunds small duplicate charges.",
      environment: "PROD",
      runbook: "Answer from the ticket queue by hand.",
      permissions: {
        dataClassKeys: ["customer-pii"],
        modelRefs: [CLAUDE],
        tools: [
          { toolKey: "zendesk.ticket.read", tier: "T0", ratePerMinute: null, argumentConstraints: null },
          { toolKey: "stripe.refund", tier: "T3", ratePerMinute: 10, argumentConstraints: { properties: { amount: { maximum: 500 } } } },
        ],
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const draft = (await created.json()) as TWorkflowDetail;
  const assignments = ["WORKFLOW_OWNER", "DATA_OWNER", "PLATFORM_OWNER", "SECURITY"].map((fn) => ({
    userId: draft.owner.id,
    function: fn,
    role: fn === "WORKFLOW_OWNER" ? "ACCOUNTABLE" : "RESPONSIBLE",
  }));
  const raci = await request.put(`/api/v1/workflows/${draft.id}/raci`, { data: { assignments, expectedVersion: draft.version } });
  expect(raci.status(), await raci.text()).toBe(200);
  const token = await request.post(`/api/v1/workflows/${draft.id}/tokens`, { data: { name: "gate", scopes: ["DECIDE", "INGEST"] } });
  expect(token.status(), await token.text()).toBe(201);
  const activated = await request.post(`/api/v1/workflows/${draft.id}/status`, {
    data: { to: "ACTIVE", reason: "dashboard e2e", expectedVersion: ((await raci.json()) as TWorkflowDetail).version },
  });
  expect(activated.status(), await activated.text()).toBe(200);
  return (await activated.json()) as TWorkflowDetail;
}

/** Allowed reads, denials for a tool not granted and a broken contract, and two runs (one failed) with a redaction. */
async function sendTraffic(request: APIRequestContext, secret: string, runId: string): Promise<void> {
  const call = { runId, dataClasses: ["customer-pii"], model: CLAUDE };
  for (const ticketId of ["T-1", "T-2", "T-3"]) {
    expect((await decide(request, secret, { ...call, tool: "zendesk.ticket.read", arguments: { ticketId } })).outcome).toBe("allow");
  }
  for (let i = 0; i < 2; i++) {
    const denied = await decide(request, secret, { ...call, tool: "email.send", arguments: { to: "a@b.c" } });
    expect(denied.reasons[0]?.code).toBe("tool_not_allowed");
  }
  expect((await decide(request, secret, { ...call, tool: "zendesk.ticket.read", arguments: {} })).outcome).toBe("deny");
  await reportEvents(request, secret, [
    { runId, type: "run_started", data: { trigger: "ticket T-1" } },
    { runId, type: "tool_result", tool: "zendesk.ticket.read", outcome: "success", latencyMs: 120 },
    { runId, type: "tool_result", tool: "zendesk.ticket.read", outcome: "success", latencyMs: 340 },
    {
      runId,
      type: "tool_result",
      tool: "zendesk.ticket.read",
      outcome: "failure",
      latencyMs: 2100,
      data: { error: "reply to jane.doe@example.com" },
    },
    { runId, type: "run_ended", outcome: "success" },
    { runId: `${runId}-2`, type: "run_started" },
    { runId: `${runId}-2`, type: "run_ended", outcome: "failure" },
  ]);
}

/** What the traffic above must add up to once folded; a failed wait shows which part is missing. */
const FOLDED = { decisions: 7, runs: 2, killSwitchDenials: 1 };

/** Waits (polling the API, no sleeps) until the roll-up job has folded what the gate saw into the workflow's scorecard. */
async function waitForScorecard(request: APIRequestContext, id: string): Promise<TScorecard> {
  let latest: TScorecard | null = null;
  await expect
    .poll(
      async () => {
        const response = await request.get(`/api/v1/workflows/${id}/scorecard?window=24h`);
        if (!response.ok()) return { status: response.status() };
        latest = (await response.json()) as TScorecard;
        const { decisions, runs, denialsByReason } = latest.current;
        return { decisions, runs, killSwitchDenials: denialsByReason.find((d) => d.category === "kill_switch")?.count ?? 0 };
      },
      { timeout: 30_000, message: "the roll-up folds the traffic into the scorecard" },
    )
    .toEqual(FOLDED);
  return latest as unknown as TScorecard;
}

/** Console errors about the page's CSP: Recharts must draw without anything the policy refuses. */
function collectCspErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}

async function expectNoSeriousAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `${what}: serious axe violations`,
  ).toEqual([]);
}

test("a CISO lands on the dashboard, sees the gate's traffic in charts, and opens the riskiest workflow's scorecard", async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  const key = uniqueKey("e2e-dash");
  const runId = `run-${key}`;
  const workflow = await asUser(playwright, DEMO.OWNER, (request) => givenActiveWorkflow(request, key));
  const { secret } = await asUser(playwright, DEMO.OWNER, (request) => createTokenByApi(request, workflow.id, ["DECIDE", "INGEST"]));
  await sendTraffic(page.request, secret, runId);
  // A refund waiting for approval, on a second workflow: halting the first cancels its pending approvals.
  const waiting = await asUser(playwright, DEMO.OWNER, (request) => givenActiveWorkflow(request, uniqueKey("e2e-dash-wait")));
  const waitingToken = await asUser(playwright, DEMO.OWNER, (request) => createTokenByApi(request, waiting.id, ["DECIDE"]));
  const refund = await decide(page.request, waitingToken.secret, {
    runId: `run-${waiting.key}`,
    tool: "stripe.refund",
    arguments: { chargeId: "ch_1", amount: 100, currency: "USD" },
    dataClasses: ["customer-pii"],
    model: CLAUDE,
  });
  expect(refund.outcome).toBe("require_approval");
  const cspErrors = collectCspErrors(page);

  await test.step("the CISO halts the workflow: the gate then denies it with the kill switch as the reason", async () => {
    await signInByForm(page, DEMO.SECURITY);
    const engaged = await page.request.post("/api/v1/killswitch", {
      data: { scope: "WORKFLOW", target: key, reason: "Dashboard e2e halt" },
    });
    expect(engaged.status(), await engaged.text()).toBe(201);
    const halted = await decide(page.request, secret, {
      runId,
      tool: "zendesk.ticket.read",
      arguments: { ticketId: "T-4" },
      dataClasses: ["customer-pii"],
      model: CLAUDE,
    });
    expect(halted.reasons[0]?.code).toBe("kill_switch_engaged");
  });

  const scorecard = await test.step("the roll-up job folds it all into the workflow's scorecard", () =>
    waitForScorecard(page.request, workflow.id));
  expect(scorecard.current.denialRate.numerator).toBe(4);
  expect(scorecard.current.successRate).toMatchObject({ numerator: 1, denominator: 2 });
  expect(scorecard.current.toolErrorRate).toMatchObject({ numerator: 1, denominator: 3 });
  expect(scorecard.current.dlpRedactions).toBeGreaterThanOrEqual(1);

  await test.step("signed in, the CISO starts on the dashboard: live figures and charts with data", async () => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByText(/^Updated /)).toBeVisible();
    const switches = page.getByRole("region", { name: "Engaged kill switches" });
    await expect(switches).toContainText(key);
    await expect(switches).toContainText("Dashboard e2e halt");
    const denials = page.getByRole("figure", { name: "Denials by reason" });
    await expect(denials.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(denials.getByRole("img", { name: "Denials by reason" })).toBeVisible();
    await denials.getByText("Show as table").click();
    await expect(denials.getByRole("columnheader", { name: "Kill switch" })).toBeVisible();
    const status = page.getByRole("figure", { name: "By status" });
    await expect(status.locator(".recharts-bar-rectangle").first()).toBeVisible();
    // Others' pending approvals may be due sooner than ours: the page must list what the API calls the soonest.
    const api = (await (await page.request.get("/api/v1/dashboard")).json()) as TDashboard;
    expect(api.pendingApprovals.total).toBeGreaterThanOrEqual(1);
    const soonest = api.pendingApprovals.soonest[0];
    const approvals = page.getByRole("region", { name: "Pending approvals" });
    await expect(approvals.getByRole("link", { name: `${soonest?.tool} for ${soonest?.workflowKey}` }).first()).toHaveAttribute(
      "href",
      `/approvals/${soonest?.id}`,
    );
    const flows = page.getByRole("region", { name: "Sensitive data flows to models" });
    await flows.getByText("Show as table").click();
    await expect(flows.getByRole("row").filter({ hasText: "customer-pii" }).first()).toBeVisible();
  });

  await test.step("the dashboard has no serious accessibility violations and draws within its CSP", async () => {
    await expectNoSeriousAxeViolations(page, "dashboard");
    expect(cspErrors).toEqual([]);
  });

  await test.step("the period switch is kept in the address and works by keyboard", async () => {
    const day = page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "24 hours" });
    await day.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dashboard\?window=24h$/);
    await expect(page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "24 hours" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  await test.step("the riskiest workflow opens its scorecard, with the same grade and why", async () => {
    const riskiest = page.getByRole("list", { name: "Workflows by grade, lowest first" }).getByRole("listitem").first();
    const grade = (await riskiest.locator(".grade").innerText()).replace(/^Grade\s*/, "").trim();
    await riskiest.getByRole("link").click();
    await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]+\/scorecard\?window=24h$/);
    await expect(page.getByRole("heading", { level: 2, name: `Grade ${grade}` })).toBeVisible();
    await expect(page.getByRole("table", { name: "How the grade was reached" }).getByRole("row").nth(1)).toBeVisible();
  });

  await test.step("the halted workflow's scorecard shows its traffic beside the period before, its SLOs and coverage", async () => {
    await page.goto(`/workflows/${workflow.id}/scorecard?window=24h`);
    await expect(page.getByRole("link", { name: "Scorecard" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Halted", { exact: true })).toBeVisible();
    const tiles = page.getByRole("region", { name: /Last 24 hours/ });
    await expect(tiles).toContainText("Success rate");
    await expect(tiles).toContainText("50.0%");
    await expect(tiles).toContainText("Previous period:");
    const denials = page.getByRole("figure", { name: "Denials by reason" });
    await expect(denials.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await denials.getByText("Show as table").click();
    await expect(denials.getByRole("row", { name: /Kill switch 1/ })).toBeVisible();
    await expect(page.getByRole("figure", { name: "Success rate" }).locator(".recharts-line-dot").first()).toBeVisible();
    await expect(page.getByRole("table", { name: "Objectives: target, actual and whether it is met" })).toContainText("Not met");
    await expect(page.getByRole("region", { name: "Control coverage" })).toContainText("controls in place");
    await expectNoSeriousAxeViolations(page, "scorecard");
    expect(cspErrors).toEqual([]);
  });
});

test("an owner sees their own workflow's scorecard and may propose new SLOs; another's is not found", async ({ page, playwright }) => {
  test.setTimeout(90_000);
  const mine = await asUser(playwright, DEMO.OWNER, (request) => givenActiveWorkflow(request, uniqueKey("e2e-own-card")));
  const theirs = await asUser(playwright, OTHER_OWNER, (request) => givenActiveWorkflow(request, uniqueKey("e2e-their-card")));
  await signInByForm(page, DEMO.OWNER);

  await test.step("the owner starts on their workflows, not the dashboard", async () => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/workflows$/);
  });

  await test.step("their own scorecard says what will appear before any traffic", async () => {
    await page.goto(`/workflows/${mine.id}/scorecard`);
    await expect(page.getByRole("heading", { level: 1, name: mine.name })).toBeVisible();
    await expect(page.getByText(/No runs or decisions in this period yet: the figures below fill in/)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^Grade [A-F]$/ })).toBeVisible();
  });

  await test.step("a change to an active workflow's SLO opens a change request, linked from the form", async () => {
    await page.getByText("Change the targets").click();
    const form = page.getByRole("form", { name: "Change the SLO targets" });
    await form.getByLabel("Run success rate, at least (%)").fill("40");
    await form.getByRole("button", { name: "Propose for review" }).click();
    await expect(form.getByText("Use a percentage from 50 to 99.99")).toBeVisible();
    await form.getByLabel("Run success rate, at least (%)").fill("99.5");
    await form.getByRole("button", { name: "Propose for review" }).click();
    await expect(form.getByRole("status")).toContainText("Change request opened");
    await expect(form.getByRole("link", { name: "See the change request" })).toHaveAttribute("href", /^\/changes\/[0-9a-f-]+$/);
  });

  await test.step("another owner's scorecard is the same 404 as one that does not exist, on the page and in the API", async () => {
    const response = await page.goto(`/workflows/${theirs.id}/scorecard`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page could not be found" })).toBeVisible();
    await expectProblem(await page.request.get(`/api/v1/workflows/${theirs.id}/scorecard`), 404, "not_found", "another owner's scorecard");
  });

  await test.step("at phone width the scorecard is usable: no sideways scrolling of the page, axe clean", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/workflows/${mine.id}/scorecard?window=30d`);
    await expect(page.getByRole("heading", { level: 2, name: /^Grade / })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(page, "scorecard at 390 px");
  });
});

test("at phone width the dashboard is usable and its charts keep their tables", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInByForm(page, DEMO.AUDITOR);
  await page.goto("/dashboard?window=30d");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const status = page.getByRole("figure", { name: "By status" });
  await expect(status.locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await status.getByText("Show as table").click();
  await expect(status.getByRole("row", { name: /Active/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page, "dashboard at 390 px");
});
