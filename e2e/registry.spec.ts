import { expect, test, type Page } from "@playwright/test";
import {
  activateByApi,
  asUser,
  CLAUDE,
  createDraftByApi,
  expectProblem,
  proposeEmailSendByApi,
  readWorkflow,
  uniqueKey,
} from "./support/registry";
import { DEMO, signInByForm } from "./support/session";

const OWNER2 = "owner2@tollgate.local";

const workflowIdOf = (page: Page) => new URL(page.url()).pathname.split("/")[2] ?? "";
const tab = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Workflow sections" }).getByRole("link", { name, exact: true });

test("an owner registers a workflow from nothing to active, and a new tool on it waits for Security's approval", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const key = uniqueKey("e2e-refunds");
  const name = `Refunds ${key}`;
  await signInByForm(page, DEMO.OWNER);

  await test.step("the wizard: purpose, owner and RACI, data and models, tools with constraints, review", async () => {
    await page.goto("/workflows");
    await page.getByRole("link", { name: "Register a workflow" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Register a workflow" })).toBeVisible();
    const wizard = page.getByRole("form", { name: "Register a workflow" });

    await expect(wizard.getByRole("heading", { name: "Step 1 of 5: Purpose" })).toBeVisible();
    await wizard.getByLabel("Key").fill(key);
    await wizard.getByLabel("Name").fill(name);
    await wizard.getByLabel("Environment").selectOption("DEV");
    await wizard.getByLabel("Purpose").fill("Refunds duplicate charges found in billing tickets, up to a cap.");
    await wizard.getByRole("button", { name: "Next" }).click();

    await expect(wizard.getByRole("heading", { name: "Step 2 of 5: Owner and RACI" })).toBeVisible();
    await expect(wizard.getByText("Accountable: Olivia Brooks")).toBeVisible();
    await wizard.getByRole("button", { name: "Next" }).click();

    await expect(wizard.getByRole("heading", { name: "Step 3 of 5: Data and models" })).toBeVisible();
    await wizard.getByRole("checkbox", { name: /support-tickets/ }).check();
    await wizard.getByRole("checkbox", { name: new RegExp(CLAUDE) }).check();
    await wizard.getByRole("button", { name: "Next" }).click();

    await expect(wizard.getByRole("heading", { name: "Step 4 of 5: Tools" })).toBeVisible();
    await wizard.getByLabel("Tool to allow").selectOption("stripe.refund");
    await wizard.getByRole("button", { name: "Allow tool" }).click();
    const refund = wizard.getByRole("group", { name: "Tool stripe.refund" });
    // Money movement starts at T3: nothing lower is even offered.
    await expect(refund.getByLabel("Approval tier").locator("option")).toHaveText(["T3"]);
    await refund.getByLabel("Calls per minute").fill("10");
    await refund.getByLabel("Amount cap").fill("500");
    await wizard.getByRole("button", { name: "Next" }).click();

    await expect(wizard.getByRole("heading", { name: "Step 5 of 5: Review" })).toBeVisible();
    await expect(wizard.getByText(key, { exact: true })).toBeVisible();
    await expect(wizard.getByRole("listitem").filter({ hasText: "stripe.refund" })).toHaveText("stripe.refund T3, 10/min, amount ≤ 500");
    await wizard.getByRole("button", { name: "Register as draft" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  });

  const id = workflowIdOf(page);
  await test.step("the draft lists exactly what it lacks before activation", async () => {
    await expect(page.getByRole("region", { name: "Summary" }).getByText("Draft", { exact: true })).toBeVisible();
    await expect(page.getByRole("list", { name: "What is missing" }).getByRole("listitem")).toHaveText([
      /Nobody is assigned to the data owner function/,
      /Nobody is assigned to the platform owner function/,
      /Nobody is assigned to the security function/,
      /No service token is valid for DEV/,
    ]);
    const stored = await readWorkflow(page.request, id);
    expect(stored.tools).toEqual([
      expect.objectContaining({
        key: "stripe.refund",
        tier: "T3",
        ratePerMinute: 10,
        argumentConstraints: expect.objectContaining({ properties: { amount: { maximum: 500 } } }),
      }),
    ]);
  });

  await test.step("the RACI chart: all four functions, exactly one Accountable", async () => {
    await page.getByRole("link", { name: "Edit the RACI chart" }).first().click();
    const raci = page.getByRole("form", { name: "RACI chart" });
    await raci.getByLabel("Person to add").selectOption({ label: "Dana Kim (data@tollgate.local)" });
    await raci.getByRole("button", { name: "Add person" }).click();
    await raci.getByLabel("Person to add").selectOption({ label: "Sam Okafor (ciso@tollgate.local)" });
    await raci.getByRole("button", { name: "Add person" }).click();
    await raci.getByLabel("Olivia Brooks: Platform owner").selectOption("RESPONSIBLE");
    await raci.getByLabel("Dana Kim: Data owner").selectOption("RESPONSIBLE");
    await raci.getByLabel("Sam Okafor: Security").selectOption("CONSULTED");
    await expect(raci.getByText("Accountable: Olivia Brooks")).toBeVisible();
    await raci.getByRole("button", { name: "Save RACI chart" }).click();
    await expect(raci.getByText("Saved the RACI chart (version 2).")).toBeVisible();
    await tab(page, "Overview").click();
    await expect(page.getByRole("list", { name: "What is missing" }).getByRole("listitem")).toHaveText([
      /No service token is valid for DEV/,
    ]);
  });

  await test.step("a service token, whose secret is shown once", async () => {
    await tab(page, "Service tokens").click();
    const form = page.getByRole("form", { name: "Create a service token" });
    await form.getByLabel("Name").fill("dev-runner");
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByRole("heading", { name: "Your token" })).toBeVisible();
    const revealed = page.getByRole("textbox", { name: /^Service token / });
    const secret = await revealed.inputValue();
    expect(secret).toMatch(/^tg_[a-z0-9]{10}_/);
    const prefix = secret.split("_")[1] ?? "";
    const row = page.getByRole("row").filter({ hasText: "dev-runner" });
    await expect(row).toContainText(`tg_${prefix}_…`);
    await expect(row).toContainText("decide, ingest");

    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: "dev-runner" })).toContainText(`tg_${prefix}_…`);
    await expect(page.getByRole("heading", { name: "Your token" })).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: /^Service token / })).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);
    expect(await (await page.request.get(`/api/v1/workflows/${id}/tokens`)).text()).not.toContain(secret);
  });

  await test.step("every check passes, and the owner activates it", async () => {
    await tab(page, "Overview").click();
    await expect(page.getByText("Every check passes")).toBeVisible();
    await page.getByRole("button", { name: "Activate", exact: true }).click();
    const confirm = page.getByRole("form", { name: "Activate the workflow" });
    await confirm.getByLabel("Reason (recorded in the audit log)").fill("Ready for the billing team");
    await confirm.getByRole("button", { name: "Confirm: activate" }).click();
    await expect(page.getByText("The workflow is now active.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Summary" }).getByText("Active", { exact: true })).toBeVisible();
    expect((await readWorkflow(page.request, id)).status).toBe("ACTIVE");
  });

  const before = await readWorkflow(page.request, id);
  let changeId = "";
  await test.step("a new tool on the active workflow becomes a change request, and nothing changes yet", async () => {
    await tab(page, "Permissions").click();
    await expect(page.getByText("This workflow is active: your change will be reviewed by Security.").first()).toBeVisible();
    const form = page.getByRole("form", { name: `Permissions of ${key}` });
    await form.getByLabel("Allow another tool").selectOption("email.send");
    await form.getByRole("button", { name: "Add tool" }).click();
    await form.getByRole("button", { name: "Preview changes" }).click();
    await expect(form.getByRole("heading", { name: "What will change (1)" })).toBeVisible();
    await expect(form.getByRole("list", { name: "Preview of the changes" })).toHaveText(
      "+ tool email.send (T2, no rate limit, no constraints)",
    );
    await form.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Submitted for review. Nothing changes until Security approves it")).toBeVisible();
    await expect(page.getByText("A change is awaiting Security's review")).toBeVisible();
    changeId =
      ((await page.getByRole("link", { name: "see the change request" }).first().getAttribute("href")) ?? "").split("/").pop() ?? "";
    expect(changeId).toMatch(/^[0-9a-f-]{36}$/);

    const unchanged = await readWorkflow(page.request, id);
    expect(unchanged.tools.map((t) => t.key)).toEqual(["stripe.refund"]);
    expect(unchanged.version).toBe(before.version);
    await expect(page.getByRole("cell", { name: "email.send" })).toHaveCount(0);
  });

  await test.step("the requester cannot approve their own request", async () => {
    const refused = await page.request.post(`/api/v1/changes/${changeId}/approve`, { data: { reason: "Approving my own change" } });
    await expectProblem(refused, 403, "forbidden", "owner approves own change");
  });

  const security = await browser.newContext();
  try {
    const reviewer = await security.newPage();
    await test.step("Security sees the diff and approves it with a reason", async () => {
      await signInByForm(reviewer, DEMO.SECURITY);
      await reviewer.goto("/changes");
      await expect(reviewer.getByRole("heading", { level: 1, name: "Change review" })).toBeVisible();
      await reviewer.getByLabel("Workflow key").fill(key);
      await reviewer.getByRole("button", { name: "Filter" }).click();
      const card = reviewer.getByRole("article", { name: `${name} (${key})` });
      await expect(card.getByRole("list", { name: /^Changes requested/ })).toHaveText(
        "+ tool email.send (T2, no rate limit, no constraints)",
      );
      await expect(card).toContainText("requested by Olivia Brooks (owner@tollgate.local)");
      await card.getByLabel("Reason for your decision").fill("Customer emails are in scope for refunds");
      await card.getByRole("button", { name: "Approve", exact: true }).click();
      await expect(card.getByText("Approved: the change now applies.")).toBeVisible();
      await expect(card.getByText("approved", { exact: true })).toBeVisible();
    });

    await test.step("the workflow's permissions now list the tool, one version on", async () => {
      await page.reload();
      await expect(page.getByRole("heading", { name: `Permissions version ${before.version + 1}` })).toBeVisible();
      await expect(page.getByRole("form", { name: `Permissions of ${key}` }).getByRole("group", { name: /^email\.send / })).toBeVisible();
      await expect(page.getByText("A change is awaiting Security's review")).toHaveCount(0);
      const after = await readWorkflow(page.request, id);
      expect(after.tools.map((t) => t.key).sort()).toEqual(["email.send", "stripe.refund"]);
      expect(after.version).toBe(before.version + 1);
    });

    await test.step("the audit log records the approval and the permission change", async () => {
      await reviewer.goto("/audit");
      const filters = reviewer.getByRole("form", { name: "Filter events" });
      await filters.getByLabel("Target").fill(changeId);
      await filters.getByRole("button", { name: "Filter" }).click();
      await expect(reviewer.getByRole("cell", { name: "change_request.approved" })).toBeVisible();
      // A deep link opens the log already filtered.
      await reviewer.goto(`/audit?target=${encodeURIComponent(`workflow:${id}`)}`);
      await expect(filters.getByLabel("Target")).toHaveValue(`workflow:${id}`);
      const changed = reviewer.getByRole("row").filter({ has: reviewer.getByRole("cell", { name: "workflow.permissions.changed" }) });
      await expect(changed).toHaveCount(1);
      await expect(changed).toContainText("email.send");
      await expect(changed).toContainText("ciso@tollgate.local");
    });
  } finally {
    await security.close();
  }
});

test("a reviewer who requested a change cannot approve it: someone else in Security must", async ({ page, playwright }) => {
  const workflow = await asUser(playwright, DEMO.OWNER, async (owner) =>
    activateByApi(owner, await createDraftByApi(owner, uniqueKey("e2e-sod"))),
  );

  // An administrator may both edit workflows and review changes: the one role that could approve its own.
  await signInByForm(page, DEMO.ADMIN);
  const changeId = await proposeEmailSendByApi(page.request, workflow);
  await page.goto(`/changes/${changeId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Change request" })).toBeVisible();
  await expect(page.getByText("You requested this change, so someone else in Security reviews it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const refused = await page.request.post(`/api/v1/changes/${changeId}/approve`, { data: { reason: "Approving my own change" } });
  const problem = await expectProblem(refused, 403, "forbidden", "admin approves own change");
  expect(problem.detail).toMatch(/separation of duties/);
  expect((await (await page.request.get(`/api/v1/changes/${changeId}`)).json()).status).toBe("PENDING");
  expect((await readWorkflow(page.request, workflow.id)).tools.map((t) => t.key)).toEqual(["stripe.refund"]);
});

test("an auditor sees the whole registry, finds no edit controls, and every write is refused", async ({ page, playwright }) => {
  test.setTimeout(60_000);
  const { workflow, changeId } = await asUser(playwright, DEMO.OWNER, async (owner) => {
    const active = await activateByApi(owner, await createDraftByApi(owner, uniqueKey("e2e-audited")));
    return { workflow: active, changeId: await proposeEmailSendByApi(owner, active) };
  });

  await signInByForm(page, DEMO.AUDITOR);
  const forbidden =
    /^(Edit|Save|Create|Rotate|Revoke|Approve|Reject|Withdraw|Activate|Pause|Resume|Retire|Submit|Preview|Add|Allow|Delete|Suspend|Import|Propose|Register)/;

  await test.step("the workflow's overview, permissions, tokens and change request, read-only", async () => {
    await page.goto(`/workflows/${workflow.id}`);
    await expect(page.getByRole("heading", { level: 1, name: workflow.name })).toBeVisible();
    await expect(page.getByRole("region", { name: "RACI" })).toContainText("Olivia Brooks");
    await expect(page.getByRole("link", { name: "View permissions" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Edit details/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Change permissions" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: forbidden })).toHaveCount(0);

    await tab(page, "Permissions").click();
    await expect(page.getByRole("cell", { name: "stripe.refund" })).toBeVisible();
    await expect(page.getByText("A change is awaiting Security's review")).toBeVisible();
    await expect(page.getByRole("form")).toHaveCount(0);
    await expect(page.getByRole("button", { name: forbidden })).toHaveCount(0);

    await tab(page, "Service tokens").click();
    await expect(page.getByRole("row").filter({ hasText: "e2e-runner" })).toContainText("decide, ingest");
    await expect(page.getByRole("heading", { name: "Create a token" })).toHaveCount(0);
    await expect(page.getByRole("form")).toHaveCount(0);
    await expect(page.getByRole("button", { name: forbidden })).toHaveCount(0);

    await page.goto(`/changes/${changeId}`);
    await expect(page.getByRole("list", { name: /^Changes requested/ })).toHaveText(
      "+ tool email.send (T2, no rate limit, no constraints)",
    );
    await expect(page.getByLabel("Reason for your decision")).toHaveCount(0);
    await expect(page.getByRole("button", { name: forbidden })).toHaveCount(0);

    await page.goto(`/workflows/${workflow.id}/edit`);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  });

  await test.step("the catalog and import/export, with no create, edit or import forms", async () => {
    const pages = [
      { path: `/workflows?search=${workflow.key}`, heading: "Workflows", shows: workflow.name },
      { path: "/registry/transfer", heading: "Import and export", shows: "Download inventory (JSON)" },
      { path: "/catalog", heading: "Catalog", shows: "Data classes" },
      { path: "/catalog/data-classes", heading: "Data classes", shows: "support-tickets" },
      { path: "/catalog/models", heading: "Approved models", shows: CLAUDE },
      { path: "/catalog/tools", heading: "Tool catalog", shows: "stripe.refund" },
      { path: "/catalog/policies", heading: "Policies", shows: "Custom policies" },
    ];
    for (const { path, heading, shows } of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
      await expect(page.getByText(shows, { exact: true }).first()).toBeVisible();
      await expect(page.getByRole("heading", { name: /^(Add|Approve|Propose) a|^Import$/ }), path).toHaveCount(0);
      await expect(page.getByRole("link", { name: /^Register/ }), path).toHaveCount(0);
      await expect(page.getByRole("button", { name: forbidden }), path).toHaveCount(0);
    }
    await page.goto("/catalog/models");
    await page.getByRole("link", { name: CLAUDE }).click();
    await expect(page.getByRole("heading", { level: 1, name: CLAUDE })).toBeVisible();
    await expect(page.getByRole("link", { name: workflow.name })).toBeVisible();
    await expect(page.getByRole("button", { name: forbidden })).toHaveCount(0);
  });

  await test.step("the API refuses each write with 403 problem+json, and nothing changes", async () => {
    const api = page.request;
    const read = async () => ({
      workflow: await readWorkflow(api, workflow.id),
      permissions: await (await api.get(`/api/v1/workflows/${workflow.id}/permissions`)).json(),
      tokens: await (await api.get(`/api/v1/workflows/${workflow.id}/tokens`)).json(),
      // asOf is the server's clock at answering, not part of the change request.
      change: { ...(await (await api.get(`/api/v1/changes/${changeId}`)).json()), asOf: null },
    });
    const before = await read();
    const newKey = uniqueKey("e2e-auditor-made");
    const permissions = { dataClassKeys: ["public-docs"], modelRefs: [], tools: [] };
    const writes = [
      api.patch(`/api/v1/workflows/${workflow.id}`, { data: { name: "Renamed by an auditor", expectedVersion: workflow.version } }),
      api.post("/api/v1/workflows", { data: { key: newKey, name: "Auditor's own", purpose: "Should never exist.", environment: "DEV" } }),
      api.put(`/api/v1/workflows/${workflow.id}/permissions`, { data: { permissions, expectedVersion: workflow.version } }),
      api.post(`/api/v1/workflows/${workflow.id}/status`, { data: { to: "PAUSED", expectedVersion: workflow.version } }),
      api.post(`/api/v1/workflows/${workflow.id}/tokens`, { data: { name: "auditor-token", scopes: ["DECIDE"] } }),
      api.post("/api/v1/catalog/tools", {
        data: { key: newKey, name: "Auditor tool", system: "Nowhere", consequence: "READ", argumentSchema: { type: "object" } },
      }),
      api.post(`/api/v1/changes/${changeId}/approve`, { data: { reason: "An auditor approving" } }),
      api.post("/api/v1/registry/import", {
        data: {
          format: "tollgate.inventory/v1",
          workflows: [
            { key: newKey, name: "Imported", purpose: "Should never exist.", environment: "DEV", ownerEmail: DEMO.OWNER, permissions },
          ],
        },
      }),
    ];
    for (const [i, response] of (await Promise.all(writes)).entries()) {
      await expectProblem(response, 403, "forbidden", `auditor write #${i + 1} ${response.url()}`);
    }
    expect(await read()).toEqual(before);
    expect(before.change.status).toBe("PENDING");
    expect((await (await api.get(`/api/v1/workflows?search=${newKey}`)).json()).total).toBe(0);
    const tools = (await (await api.get("/api/v1/catalog/tools")).json()) as { items: { key: string }[] };
    expect(tools.items.map((t) => t.key)).not.toContain(newKey);
  });
});

test("an owner opening another owner's workflow finds nothing: 404 with no data", async ({ page, playwright }) => {
  const key = uniqueKey("e2e-private");
  const workflow = await asUser(playwright, DEMO.OWNER, (owner) => createDraftByApi(owner, key));

  await signInByForm(page, OWNER2);
  for (const path of ["", "/permissions", "/tokens", "/changes", "/edit"]) {
    const response = await page.goto(`/workflows/${workflow.id}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: /could not be found/i })).toBeVisible();
    expect(await page.content(), path).not.toContain(key);
  }
  await page.goto("/workflows");
  await expect(page.getByRole("heading", { level: 1, name: "Workflows" })).toBeVisible();
  await expect(page.getByText(key)).toHaveCount(0);

  const api = page.request;
  for (const response of [
    await api.get(`/api/v1/workflows/${workflow.id}`),
    await api.get(`/api/v1/workflows/${workflow.id}/permissions`),
    await api.get(`/api/v1/workflows/${workflow.id}/tokens`),
    await api.patch(`/api/v1/workflows/${workflow.id}`, { data: { name: "Taken over", expectedVersion: workflow.version } }),
    await api.post(`/api/v1/workflows/${workflow.id}/tokens`, { data: { name: "stolen", scopes: ["DECIDE"] } }),
  ]) {
    const problem = await expectProblem(response, 404, "not_found", `owner2 ${response.url()}`);
    expect(JSON.stringify(problem)).not.toContain(key);
    expect(JSON.stringify(problem)).not.toContain(workflow.name);
  }
  const search = (await (await api.get(`/api/v1/workflows?search=${key}`)).json()) as { total: number };
  expect(search.total).toBe(0);
});
