import { expect, test } from "@playwright/test";
import { asUser, createDraftByApi, expectProblem, readWorkflow, uniqueKey } from "./support/registry";
import { DEMO, signInByApi, signInByForm } from "./support/session";

// Bad input in the registry: field-level errors where the person is looking, and version checks
// that refuse a stale save with what changed, losing nothing.

test("the wizard marks each bad field where it is, offers no tier below the floor, and refuses a taken key", async ({ page }) => {
  await signInByForm(page, DEMO.OWNER);
  await page.goto("/workflows/new");
  const wizard = page.getByRole("form", { name: "Register a workflow" });
  const keyField = wizard.getByRole("textbox", { name: "Key" });

  await keyField.fill("Not A Key!");
  await wizard.getByRole("button", { name: "Next" }).click();
  await expect(wizard.getByText("Some fields need attention")).toBeVisible();
  await expect(keyField).toHaveAttribute("aria-invalid", "true");
  await expect(keyField).toHaveAccessibleDescription(/Use lower-case letters, digits and single hyphens/);
  await expect(wizard.getByRole("textbox", { name: "Name" })).toHaveAccessibleDescription("Enter a name");
  await expect(wizard.getByRole("textbox", { name: "Purpose" })).toHaveAccessibleDescription(/Say what the workflow does and why/);
  await expect(wizard.getByRole("heading", { name: "Step 1 of 5: Purpose" })).toBeVisible();

  // An existing key passes the format check here; only the server knows it is taken.
  await keyField.fill("support-refunds");
  await wizard.getByRole("textbox", { name: "Name" }).fill("A second support-refunds");
  await wizard.getByRole("textbox", { name: "Purpose" }).fill("Collides with a registered key.");
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("button", { name: "Next" }).click();
  await wizard.getByRole("button", { name: "Next" }).click();

  await expect(wizard.getByRole("heading", { name: "Step 4 of 5: Tools" })).toBeVisible();
  for (const [tool, offered] of [
    ["stripe.refund", ["T3"]],
    ["email.send", ["T2", "T3"]],
    ["jira.issue.create", ["T1", "T2", "T3"]],
  ] as const) {
    await wizard.getByLabel("Tool to allow").selectOption(tool);
    await wizard.getByRole("button", { name: "Allow tool" }).click();
    await expect(
      wizard
        .getByRole("group", { name: `Tool ${tool}` })
        .getByLabel("Approval tier")
        .locator("option"),
    ).toHaveText([...offered]);
  }
  const refund = wizard.getByRole("group", { name: "Tool stripe.refund" });
  await refund.getByLabel("Amount cap").fill("-5");
  await refund.getByLabel("Calls per minute").fill("0");
  await wizard.getByRole("button", { name: "Next" }).click();
  await expect(refund.getByLabel("Amount cap")).toHaveAccessibleDescription(/Enter a positive number/);
  await expect(refund.getByLabel("Calls per minute")).toHaveAccessibleDescription(/Allow at least 1 call per minute/);
  await refund.getByLabel("Amount cap").fill("500");
  await refund.getByLabel("Calls per minute").fill("");
  await wizard.getByRole("button", { name: "Next" }).click();

  await wizard.getByRole("button", { name: "Register as draft" }).click();
  await expect(wizard.getByRole("heading", { name: "Step 1 of 5: Purpose" })).toBeVisible();
  await expect(wizard.getByRole("alert")).toContainText("A workflow with the key support-refunds is already registered");
  await expect(keyField).toHaveAccessibleDescription(/This key is already registered/);
  await expect(page).toHaveURL(/\/workflows\/new$/);
  const mine = (await (await page.request.get("/api/v1/workflows?search=support-refunds")).json()) as { items: { name: string }[] };
  expect(mine.items.map((w) => w.name)).not.toContain("A second support-refunds");
});

test("the API refuses a tier below the consequence's floor, field by field", async ({ request }) => {
  await signInByApi(request, DEMO.OWNER);
  const key = uniqueKey("e2e-low-tier");
  const response = await request.post("/api/v1/workflows", {
    data: {
      key,
      name: "Too low",
      purpose: "Refunds without approval.",
      environment: "DEV",
      permissions: { dataClassKeys: [], modelRefs: [], tools: [{ toolKey: "stripe.refund", tier: "T1" }] },
    },
  });
  const problem = await expectProblem(response, 400, "validation_failed", "tier below floor");
  expect(problem.errors).toContainEqual({
    path: "body.permissions.tools.0.tier",
    message: "T1 is below T3, the least a MONEY_MOVEMENT tool needs",
  });
  expect((await (await request.get(`/api/v1/workflows?search=${key}`)).json()).total).toBe(0);
});

test("two people saving the same workflow: the second is told what changed, and nothing is lost", async ({ page, browser, playwright }) => {
  const workflow = await asUser(playwright, DEMO.OWNER, (owner) => createDraftByApi(owner, uniqueKey("e2e-contended")));

  await signInByForm(page, DEMO.OWNER);
  await page.goto(`/workflows/${workflow.id}/edit`);
  const mine = page.getByRole("form", { name: "Workflow details" });
  await expect(mine.getByLabel("Name")).toHaveValue(workflow.name);

  const adminContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await signInByForm(admin, DEMO.ADMIN);
    await admin.goto(`/workflows/${workflow.id}/edit`);
    const theirs = admin.getByRole("form", { name: "Workflow details" });
    await theirs.getByLabel("Name").fill("Renamed by the administrator");
    await theirs.getByRole("button", { name: "Save details" }).click();
    await expect(theirs.getByText("Saved (version 2).")).toBeVisible();
  } finally {
    await adminContext.close();
  }

  await mine.getByLabel("Runbook").fill("Page the billing on-call; refund by hand in Stripe.");
  await mine.getByRole("button", { name: "Save details" }).click();
  const conflict = mine.getByRole("alert");
  await expect(conflict).toContainText("Someone else changed this workflow first");
  await expect(conflict).toContainText(`is at version 2, but you edited version 1`);
  await expect(conflict).toContainText(`name "${workflow.name}" → "Renamed by the administrator" (by admin@tollgate.local`);
  expect((await readWorkflow(page.request, workflow.id)).runbook).toBe("");

  await conflict.getByRole("button", { name: "Load the current values" }).click();
  await expect(mine.getByLabel("Name")).toHaveValue("Renamed by the administrator");
  await mine.getByLabel("Runbook").fill("Page the billing on-call; refund by hand in Stripe.");
  await mine.getByRole("button", { name: "Save details" }).click();
  await expect(mine.getByText("Saved (version 3).")).toBeVisible();
  const saved = await readWorkflow(page.request, workflow.id);
  expect(saved).toMatchObject({
    version: 3,
    name: "Renamed by the administrator",
    runbook: "Page the billing on-call; refund by hand in Stripe.",
  });
});

test("an approval timeout out of bounds is refused on its field; a saved one is stated on the overview", async ({ page, playwright }) => {
  const workflow = await asUser(playwright, DEMO.OWNER, (owner) => createDraftByApi(owner, uniqueKey("e2e-timeout")));
  await signInByForm(page, DEMO.OWNER);
  await page.goto(`/workflows/${workflow.id}/edit`);
  const form = page.getByRole("form", { name: "Workflow details" });
  const timeout = form.getByLabel("Approval timeout (minutes)");
  await expect(timeout).toHaveValue("60");
  await timeout.fill("10081");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(timeout).toHaveAccessibleDescription(/Use at most 10,080 minutes \(7 days\)/);
  expect((await readWorkflow(page.request, workflow.id)).approvalTimeoutMinutes).toBe(60);

  await timeout.fill("120");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.getByText("Saved (version 2).")).toBeVisible();
  await page.goto(`/workflows/${workflow.id}`);
  await expect(page.getByText("Approval requests expire after 120 minutes; escalated to Security at half.")).toBeVisible();
});

test("two API saves at the same expectedVersion: the second gets 409 saying what changed, and is not half-applied", async ({ request }) => {
  await signInByApi(request, DEMO.OWNER);
  const workflow = await createDraftByApi(request, uniqueKey("e2e-race"));
  const first = await request.patch(`/api/v1/workflows/${workflow.id}`, {
    data: { name: "First writer", expectedVersion: workflow.version },
  });
  expect(first.status()).toBe(200);
  const second = await request.patch(`/api/v1/workflows/${workflow.id}`, {
    data: { name: "Second writer", purpose: "Second writer's purpose", expectedVersion: workflow.version },
  });
  const problem = await expectProblem(second, 409, "conflict", "stale save");
  expect(problem.detail).toContain(`${workflow.key} is at version 2, but you edited version 1`);
  expect(problem.detail).toContain(`name "${workflow.name}" → "First writer"`);
  expect(await readWorkflow(request, workflow.id)).toMatchObject({ version: 2, name: "First writer", purpose: workflow.purpose });
});
