import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { TKillSwitchView } from "@/lib/contracts/killswitch";
import type { TWorkflowDetail } from "@/lib/contracts/workflows";
import { asUser, createDraftByApi, expectProblem, uniqueKey } from "./support/registry";
import { DEMO, signInByForm } from "./support/session";

const SECOND_SECURITY = "security@tollgate.local";
const OTHER_OWNER = "owner2@tollgate.local";
const RUNBOOK = "Route refund tickets to the billing on-call queue and refund by hand in Stripe.";

/** A draft of `email`'s with a runbook: no demo workflow is halted, so parallel journeys are unaffected. */
async function givenWorkflowWithRunbook(request: APIRequestContext, key: string): Promise<TWorkflowDetail> {
  const draft = await createDraftByApi(request, key);
  const response = await request.patch(`/api/v1/workflows/${draft.id}`, { data: { runbook: RUNBOOK, expectedVersion: draft.version } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as TWorkflowDetail;
}

async function engageInForm(page: Page, scope: string, target: string, reason: string) {
  const form = page.getByRole("form", { name: "Engage a kill switch" });
  await form.getByLabel("Scope").selectOption(scope);
  await form.getByLabel("Target").fill(target);
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: "Engage kill switch" }).click();
  await expect(form.getByText(/^Engaged: /)).toBeVisible();
}

const card = (page: Page, key: string) =>
  page.getByRole("article").filter({ has: page.getByRole("heading", { name: new RegExp(`^Workflow ${key}`) }) });

test("Security halts a workflow with a reason, its runbook shows, and release takes two Security people", async ({
  page,
  browser,
  playwright,
}) => {
  test.setTimeout(90_000);
  const key = uniqueKey("e2e-halt");
  const workflow = await asUser(playwright, DEMO.OWNER, (request) => givenWorkflowWithRunbook(request, key));
  await signInByForm(page, DEMO.SECURITY);
  await page.goto("/kill-switches");

  await test.step("the CISO engages the workflow's switch: the running gate confirms it, it is listed at once, with its runbook", async () => {
    await engageInForm(page, "WORKFLOW", key, "Refunding the same charge twice");
    // The answer came only once the app's gate (its own process) held the switch.
    await expect(page.getByRole("status").filter({ hasText: "Engaged:" })).toContainText(
      "Automations are denied from now on: the gate confirmed.",
    );
    const engaged = card(page, key);
    await expect(engaged).toContainText("“Refunding the same charge twice”");
    await expect(engaged).toContainText("Engaged by Sam Okafor");
    await expect(engaged.getByRole("region", { name: `Runbook for ${workflow.name}` })).toContainText(RUNBOOK);
  });

  await test.step("engaging it again is refused, naming the engaged switch", async () => {
    const again = await page.request.post("/api/v1/killswitch", { data: { scope: "WORKFLOW", target: key, reason: "Twice" } });
    expect((await expectProblem(again, 409, "conflict", "second engage")).detail).toContain(`workflow ${key}`);
  });

  await test.step("the workflow's page says it is halted, why, and what to do by hand", async () => {
    await page.goto(`/workflows/${workflow.id}`);
    const banner = page.getByRole("region", { name: "Halted" });
    await expect(banner).toContainText("Refunding the same charge twice");
    await expect(banner).toContainText(RUNBOOK);
    await page.goto("/kill-switches");
  });

  let id = "";
  await test.step("the CISO requests the release, and cannot confirm it themselves", async () => {
    const engaged = card(page, key);
    await engaged.getByLabel("Reason for releasing").fill("Duplicate-refund bug fixed in v2.3");
    await engaged.getByRole("button", { name: "Request release" }).click();
    await expect(engaged).toContainText("awaiting a second Security person");
    await expect(engaged.getByText("You requested this release, so a different Security person must confirm it.")).toBeVisible();
    await expect(engaged.getByRole("button", { name: "Confirm release" })).toHaveCount(0);
    const list = (await (await page.request.get("/api/v1/killswitch")).json()) as { killSwitches: TKillSwitchView[] };
    id = list.killSwitches.find((ks) => ks.target === key)?.id ?? "";
    const own = await page.request.post(`/api/v1/killswitch/${id}/release`, { data: {} });
    expect((await expectProblem(own, 403, "forbidden", "self-confirmation")).detail).toContain("different Security person");
  });

  await test.step("an administrator cannot confirm either: the rule names Security", async () => {
    await asUser(playwright, DEMO.ADMIN, async (request) => {
      await expectProblem(await request.post(`/api/v1/killswitch/${id}/release`, { data: {} }), 403, "forbidden", "admin confirmation");
    });
  });

  await test.step("a second Security person confirms: the switch is released and moves to the history", async () => {
    const context = await browser.newContext();
    const second = await context.newPage();
    await signInByForm(second, SECOND_SECURITY);
    await second.goto("/kill-switches");
    const engaged = card(second, key);
    await expect(engaged).toContainText("Release requested by Sam Okafor");
    await engaged.getByRole("button", { name: "Confirm release" }).click();
    await expect(card(second, key)).toHaveCount(0);
    await expect(second.getByRole("table", { name: "Released kill switches" }).getByRole("row").filter({ hasText: key })).toContainText(
      SECOND_SECURITY,
    );
    await context.close();
    const released = await page.request.post(`/api/v1/killswitch/${id}/release`, { data: {} });
    await expectProblem(released, 409, "conflict", "release twice");
  });
});

test("an owner may halt their own workflow, and nothing else", async ({ page, playwright }) => {
  const key = uniqueKey("e2e-own-halt");
  const theirsKey = uniqueKey("e2e-not-mine");
  await asUser(playwright, DEMO.OWNER, (request) => givenWorkflowWithRunbook(request, key));
  await asUser(playwright, OTHER_OWNER, (request) => createDraftByApi(request, theirsKey));
  await signInByForm(page, DEMO.OWNER);
  await page.goto("/kill-switches");

  const form = page.getByRole("form", { name: "Engage a kill switch" });
  await expect(form.getByLabel("Scope").locator("option")).toHaveText(["Workflow"]);
  await engageInForm(page, "WORKFLOW", key, "My agent is looping");
  await expect(card(page, key)).toContainText("“My agent is looping”");
  await expect(card(page, key).getByRole("button", { name: /release/i })).toHaveCount(0);

  const theirs = await page.request.post("/api/v1/killswitch", {
    data: { scope: "WORKFLOW", target: theirsKey, reason: "Not mine to halt" },
  });
  expect((await expectProblem(theirs, 404, "not_found", "another owner's workflow")).detail).toBe(
    `The workflow "${theirsKey}" was not found`,
  );
  await expectProblem(
    await page.request.post("/api/v1/killswitch", { data: { scope: "GLOBAL", reason: "Everything" } }),
    403,
    "forbidden",
    "owner GLOBAL",
  );
  await expectProblem(
    await page.request.post("/api/v1/killswitch", { data: { scope: "TOOL", target: "stripe.refund", reason: "A tool" } }),
    403,
    "forbidden",
    "owner TOOL",
  );

  await form.getByLabel("Target").fill(theirsKey);
  await form.getByLabel("Reason").fill("Not mine to halt");
  await form.getByRole("button", { name: "Engage kill switch" }).click();
  await expect(form.getByRole("alert")).toContainText(`The workflow "${theirsKey}" was not found`);
  const listed = (await (await page.request.get("/api/v1/killswitch?state=all")).json()) as { killSwitches: TKillSwitchView[] };
  expect(listed.killSwitches.map((ks) => ks.target)).not.toContain(theirsKey);
});
