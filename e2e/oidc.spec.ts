import { expect, test, type Page } from "@playwright/test";
import { SSO_PEOPLE } from "./support/oidc-provider";
import { DEMO, signInByApi } from "./support/session";

/** Through the real OpenID provider's own login and consent pages, and back. */
async function signInWithSso(page: Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Corp SSO" }).click();
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("single sign-on creates the user with the roles its groups map to", async ({ page, request }) => {
  await signInWithSso(page, "sso-security");
  await expect(page).toHaveURL(/localhost:3107\/(dashboard)?$/);
  const nav = page.getByRole("navigation");
  await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(page.getByText(SSO_PEOPLE["sso-security"]!.email)).toBeVisible();

  await signInByApi(request, DEMO.ADMIN);
  const { users } = (await (await request.get("/api/v1/users")).json()) as { users: { email: string; roles: string[] }[] };
  expect(users.find((u) => u.email === SSO_PEOPLE["sso-security"]!.email)?.roles).toEqual(["SECURITY"]);
  const events = await (await request.get("/api/v1/audit/events?action=auth.sign_in.succeeded")).json();
  expect(JSON.stringify(events)).toContain('"method":"oidc"');
});

test("single sign-on refuses a person whose groups map to no role", async ({ page }) => {
  await signInWithSso(page, "sso-nobody");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("alert").filter({ hasText: "has no Tollgate role" })).toBeVisible();
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user).toBeFalsy();
});
