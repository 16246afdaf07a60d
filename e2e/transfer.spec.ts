import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { TInventory } from "@/lib/contracts/inventory";
import { DEMO_DATA_CLASSES, DEMO_TOOLS, DEMO_WORKFLOWS } from "@/prisma/demo-data";
import { uniqueKey } from "./support/registry";
import { DEMO, signInByForm } from "./support/session";

const exportJson = async (request: APIRequestContext) =>
  (await (await request.get("/api/v1/registry/export?format=json")).json()) as TInventory;

async function uploadCsv(page: Page, entity: string, csv: string) {
  const form = page.getByRole("form", { name: "Import inventory" });
  await form.getByLabel("What the file holds").selectOption(entity);
  await form.getByLabel("File", { exact: true }).setInputFiles({ name: `${entity}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await form.getByRole("button", { name: "Import" }).click();
  return form;
}

test("Security downloads the whole inventory as one JSON document", async ({ page }) => {
  await signInByForm(page, DEMO.SECURITY);
  await page.goto("/registry/transfer");
  await expect(page.getByRole("heading", { level: 1, name: "Import and export" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download inventory (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("tollgate-inventory.json");
  const inventory = JSON.parse(await readFile(await download.path(), "utf8")) as TInventory;

  expect(inventory.format).toBe("tollgate.inventory/v1");
  expect(inventory.workflows.map((w) => w.key)).toEqual(expect.arrayContaining(DEMO_WORKFLOWS.map((w) => w.key)));
  expect(inventory.dataClasses.map((d) => d.key)).toEqual(expect.arrayContaining(DEMO_DATA_CLASSES.map((d) => d.key)));
  expect(inventory.tools.map((t) => t.key)).toEqual(expect.arrayContaining(DEMO_TOOLS.map((t) => t.key)));
  const refunds = inventory.workflows.find((w) => w.key === "support-refunds");
  expect(refunds).toMatchObject({ status: "ACTIVE", environment: "PROD", ownerEmail: DEMO.OWNER });
  expect(refunds?.permissions.tools).toContainEqual(expect.objectContaining({ toolKey: "stripe.refund", tier: "T3", ratePerMinute: 10 }));
  // Somebody else's workflow is there too: Security exports the whole registry.
  expect(inventory.workflows.find((w) => w.key === "access-requests")?.ownerEmail).toBe("owner2@tollgate.local");
});

test("a CSV that lowers a tool below its consequence's tier is refused at its row and field, and nothing changes", async ({ page }) => {
  await signInByForm(page, DEMO.SECURITY);
  const before = (await exportJson(page.request)).workflows.find((w) => w.key === "storage-cleanup");
  expect(before).toMatchObject({
    status: "DRAFT",
    permissions: { tools: [expect.objectContaining({ toolKey: "s3.object.delete", tier: "T3" })] },
  });

  await page.goto("/registry/transfer");
  const form = await uploadCsv(
    page,
    "allowlist",
    "workflow_key,tool_key,rate_per_minute,argument_constraints,tier\nstorage-cleanup,s3.object.delete,10,,T1\n",
  );
  const alert = form.getByRole("alert");
  await expect(alert).toContainText("The CSV has 1 problem(s); nothing was changed");
  await expect(alert.getByRole("listitem")).toHaveText(["row 2.tier T1 is below T3, the least a DESTRUCTIVE tool needs"]);

  const after = (await exportJson(page.request)).workflows.find((w) => w.key === "storage-cleanup");
  expect(after).toEqual(before);
});

test("a valid data-classes CSV renames a class and reports what it changed", async ({ page }) => {
  await signInByForm(page, DEMO.SECURITY);
  // A class of this test's own, so the rename disturbs no other test.
  const key = uniqueKey("e2e-class");
  const created = await page.request.post("/api/v1/catalog/data-classes", {
    data: { key, name: "Before the import", sensitivity: "INTERNAL", tags: ["PII"], retentionDays: 30 },
  });
  expect(created.status()).toBe(201);

  await page.goto("/registry/transfer");
  const form = await uploadCsv(page, "data-classes", `key,name,sensitivity,tags,retention_days\n${key},Renamed by CSV,INTERNAL,PII,30\n`);
  const result = form.getByRole("status").filter({ hasText: "Imported" });
  await expect(result.getByRole("listitem").filter({ hasText: "dataClasses" })).toHaveText(
    "dataClasses: 0 created, 1 updated, 0 unchanged",
  );
  await expect(result.getByRole("listitem").filter({ hasText: "workflows" })).toHaveText("workflows: 0 created, 0 updated, 0 unchanged");

  await page.goto("/catalog/data-classes");
  const row = page.getByRole("row").filter({ hasText: key });
  await expect(row).toContainText("Renamed by CSV");
  await expect(row).toContainText("30 days");
});

test("an owner may export but finds no import form, and only their own workflows in the export", async ({ page }) => {
  await signInByForm(page, DEMO.OWNER);
  await page.goto("/registry/transfer");
  await expect(page.getByRole("heading", { level: 1, name: "Import and export" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download inventory (JSON)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Import", exact: true })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Import inventory" })).toHaveCount(0);

  const owners = new Set((await exportJson(page.request)).workflows.map((w) => w.ownerEmail));
  expect([...owners]).toEqual([DEMO.OWNER]);
  const refused = await page.request.post("/api/v1/registry/import/csv", {
    data: { entity: "data-classes", csv: "key,name,sensitivity,tags,retention_days\n" },
  });
  expect(refused.status()).toBe(403);
});
