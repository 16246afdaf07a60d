import { expect, test } from "@playwright/test";
import { DEMO, signInByApi, signInByForm } from "./support/session";

test("an admin adds a user, who can then sign in with the granted role", async ({ page, browser }) => {
  const email = `new-approver-${Date.now()}@tollgate.local`;
  await signInByForm(page, DEMO.ADMIN);
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("Nia Newcomer");
  await form.getByLabel("Password").fill("a-long-enough-password");
  await form.getByRole("checkbox", { name: /APPROVER/ }).check();
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(`Created ${email}`)).toBeVisible();
  await expect(page.getByRole("cell", { name: `Nia Newcomer ${email}` })).toBeVisible();

  const other = await browser.newPage();
  await signInByForm(other, email, "a-long-enough-password");
  await expect(other.getByRole("heading", { level: 1, name: "Workflows" })).toBeVisible();
  await expect(other.getByRole("navigation").getByRole("link", { name: "Approvals" })).toBeVisible();
  await other.close();
});

test("the form shows field-level errors and creates nothing", async ({ page }) => {
  await signInByForm(page, DEMO.ADMIN);
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Email").fill(DEMO.OWNER);
  await form.getByLabel("Name").fill("Duplicate");
  await form.getByLabel("Password").fill("short");
  await form.getByRole("checkbox", { name: /AUDITOR/ }).check();
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.locator("#new-user-password-error")).toContainText(/at least 12/i);
  await form.getByLabel("Password").fill("a-long-enough-password");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("This email is already in use")).toBeVisible();
});

test("the last admin cannot lose the ADMIN role, and the refusal changes nothing", async ({ request }) => {
  await signInByApi(request, DEMO.ADMIN);
  const { users } = (await (await request.get("/api/v1/users")).json()) as {
    users: { id: string; email: string; roles: string[]; updatedAt: string }[];
  };
  const admins = users.filter((u) => u.roles.includes("ADMIN"));
  expect(admins).toHaveLength(1);
  const admin = admins[0]!;
  const response = await request.patch(`/api/v1/users/${admin.id}`, { data: { roles: ["AUDITOR"], expectedUpdatedAt: admin.updatedAt } });
  expect(response.status()).toBe(409);
  expect((await response.json()).detail).toMatch(/last/i);
  const after = (await (await request.get("/api/v1/users")).json()) as { users: { id: string; roles: string[] }[] };
  expect(after.users.find((u) => u.id === admin.id)?.roles).toEqual(["ADMIN"]);
});

test("an auditor verifies the audit chain from the console", async ({ page }) => {
  await signInByForm(page, DEMO.AUDITOR);
  await page.goto("/audit");
  // Filtered: other tests' events soon push the seeding off the first page.
  const filters = page.getByRole("form", { name: "Filter events" });
  await filters.getByLabel("Action").fill("system.seeded");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("cell", { name: "system.seeded" })).toBeVisible();
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText("Chain intact")).toBeVisible();
});
