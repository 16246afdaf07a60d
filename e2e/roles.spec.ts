import { expect, test } from "@playwright/test";
import { DEMO, signInByApi, signInByForm, submitSignInForm, type TDemoRole } from "./support/session";

// The authorization matrix, stated outright: a change to the role table must change this too.
const PAGES = [
  { path: "/dashboard", heading: "Dashboard", roles: ["ADMIN", "SECURITY", "AUDITOR"] },
  { path: "/workflows", heading: "Workflows", roles: ["ADMIN", "SECURITY", "APPROVER", "OWNER", "AUDITOR"] },
  { path: "/approvals", heading: "Approvals", roles: ["ADMIN", "SECURITY", "APPROVER", "AUDITOR"] },
  { path: "/kill-switches", heading: "Kill switches", roles: ["ADMIN", "SECURITY", "OWNER", "AUDITOR"] },
  { path: "/audit", heading: "Audit log", roles: ["ADMIN", "SECURITY", "AUDITOR"] },
  { path: "/admin/users", heading: "Users", roles: ["ADMIN"] },
  { path: "/catalog", heading: "Catalog", roles: ["ADMIN", "SECURITY", "APPROVER", "OWNER", "AUDITOR"] },
  { path: "/changes", heading: "Change review", roles: ["ADMIN", "SECURITY", "AUDITOR"] },
  { path: "/shadow-workflows", heading: "Shadow workflows", roles: ["ADMIN", "SECURITY", "APPROVER", "OWNER", "AUDITOR"] },
  {
    path: "/registry/transfer",
    heading: "Import and export",
    link: "Import / export",
    roles: ["ADMIN", "SECURITY", "APPROVER", "OWNER", "AUDITOR"],
  },
] as const;

const API = [
  { method: "GET", path: "/api/v1/users", roles: ["ADMIN", "SECURITY", "AUDITOR"] },
  { method: "POST", path: "/api/v1/users", roles: ["ADMIN"] },
  { method: "GET", path: "/api/v1/audit/events", roles: ["ADMIN", "SECURITY", "AUDITOR"] },
  { method: "POST", path: "/api/v1/audit/verify", roles: ["ADMIN", "SECURITY", "AUDITOR"] },
] as const;

// Registry writes, each with a body that fails validation: an allowed caller gets 400 and nothing is
// created; any id will do, since the permission is checked before the id is looked up.
const SOME_ID = "00000000-0000-4000-8000-000000000000";
const REGISTRY_WRITES = [
  { method: "POST", path: "/api/v1/workflows", roles: ["ADMIN", "OWNER"] },
  { method: "PATCH", path: `/api/v1/workflows/${SOME_ID}`, roles: ["ADMIN", "OWNER"] },
  { method: "PUT", path: `/api/v1/workflows/${SOME_ID}/raci`, roles: ["ADMIN", "OWNER"] },
  { method: "POST", path: `/api/v1/workflows/${SOME_ID}/status`, roles: ["ADMIN", "OWNER"] },
  { method: "PUT", path: `/api/v1/workflows/${SOME_ID}/permissions`, roles: ["ADMIN", "OWNER"] },
  { method: "POST", path: `/api/v1/workflows/${SOME_ID}/changes`, roles: ["ADMIN", "OWNER"] },
  { method: "POST", path: `/api/v1/workflows/${SOME_ID}/tokens`, roles: ["ADMIN", "OWNER"] },
  { method: "POST", path: `/api/v1/workflows/${SOME_ID}/tokens/${SOME_ID}/rotate`, roles: ["ADMIN", "OWNER"] },
  { method: "POST", path: "/api/v1/catalog/data-classes", roles: ["ADMIN", "SECURITY"] },
  { method: "POST", path: "/api/v1/catalog/models", roles: ["ADMIN", "SECURITY"] },
  { method: "POST", path: "/api/v1/catalog/tools", roles: ["ADMIN", "SECURITY"] },
  { method: "PATCH", path: `/api/v1/catalog/tools/${SOME_ID}`, roles: ["ADMIN", "SECURITY"] },
  { method: "POST", path: "/api/v1/policies", roles: ["ADMIN", "SECURITY"] },
  { method: "POST", path: `/api/v1/changes/${SOME_ID}/approve`, roles: ["ADMIN", "SECURITY"] },
  { method: "POST", path: `/api/v1/changes/${SOME_ID}/reject`, roles: ["ADMIN", "SECURITY"] },
  { method: "POST", path: "/api/v1/registry/import", roles: ["ADMIN", "SECURITY"] },
  { method: "POST", path: "/api/v1/registry/import/csv", roles: ["ADMIN", "SECURITY"] },
] as const;

const ROLES = Object.keys(DEMO) as TDemoRole[];

for (const role of ROLES) {
  test.describe(`${role}`, () => {
    test("signs in through the form and sees exactly the pages the role allows", async ({ page }) => {
      await signInByForm(page, DEMO[role]);
      await expect(page).not.toHaveURL(/\/sign-in/);
      const nav = page.getByRole("navigation");
      for (const entry of PAGES) {
        const { heading, roles } = entry;
        const link = nav.getByRole("link", { name: "link" in entry ? entry.link : heading, exact: true });
        if ((roles as readonly string[]).includes(role)) await expect(link).toBeVisible();
        else await expect(link).toHaveCount(0);
      }
      for (const { path, heading, roles } of PAGES) {
        await page.goto(path);
        if ((roles as readonly string[]).includes(role)) {
          await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
        } else {
          await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
        }
      }
    });

    test("is refused the API calls the role lacks", async ({ request }) => {
      await signInByApi(request, DEMO[role]);
      for (const { method, path, roles } of API) {
        // A body that fails validation: an allowed caller gets 400, and nothing is ever created.
        const response = await request.fetch(path, { method, ...(method === "POST" ? { data: {} } : {}) });
        const allowed = (roles as readonly string[]).includes(role);
        if (allowed) expect(response.status(), `${role} ${method} ${path}`).toBeLessThan(403);
        else {
          expect(response.status(), `${role} ${method} ${path}`).toBe(403);
          expect(await response.json()).toMatchObject({ code: "forbidden" });
        }
      }
    });

    test("may make exactly the registry writes the role allows", async ({ request }) => {
      await signInByApi(request, DEMO[role]);
      for (const { method, path, roles } of REGISTRY_WRITES) {
        const response = await request.fetch(path, { method, data: {} });
        const allowed = (roles as readonly string[]).includes(role);
        expect(response.status(), `${role} ${method} ${path}`).toBe(allowed ? 400 : 403);
        expect(response.headers()["content-type"], `${role} ${method} ${path}`).toBe("application/problem+json");
        expect((await response.json()).code, `${role} ${method} ${path}`).toBe(allowed ? "validation_failed" : "forbidden");
      }
    });
  });
}

test("a signed-out visitor is sent to sign in and brought back afterwards", async ({ page }) => {
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faudit/);
  await page.getByLabel("Email").fill(DEMO.AUDITOR);
  await page.getByLabel("Password").fill("tollgate-demo-2026");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
});

test("sign-out ends the session", async ({ page }) => {
  await signInByForm(page, DEMO.OWNER);
  await expect(page.getByRole("heading", { level: 1, name: "Workflows" })).toBeVisible();
  // A click that lands before the console has hydrated does nothing; click until it signs out.
  await expect(async () => {
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/, { timeout: 2_000 });
  }).toPass();
  await page.goto("/workflows");
  await expect(page).toHaveURL(/\/sign-in/);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user).toBeFalsy();
});

test("a wrong password gets a clear form error and no session", async ({ page }) => {
  await submitSignInForm(page, "nobody-here@tollgate.local", "definitely-wrong-password");
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});
