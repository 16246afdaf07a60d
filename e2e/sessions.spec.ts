import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type { TRole } from "@/lib/contracts/roles";
import type { TUserView } from "@/lib/contracts/users";
import { E2E_BASE_URL } from "./support/ports";
import { DEMO, signInByApi, signInByForm } from "./support/session";

// Each journey signs in a person of its own: ending "every session" of a shared demo user would
// sign out journeys running beside this one.
const PASSWORD = "sessions-journey-password";
const SAME_ORIGIN = { origin: E2E_BASE_URL };
const SESSION_COOKIE = "next-auth.session-token";

async function createPerson(admin: APIRequestContext, roles: TRole[]): Promise<TUserView> {
  const email = `session-${randomUUID()}@tollgate.local`;
  const response = await admin.post("/api/v1/users", {
    data: { email, name: "Session Person", password: PASSWORD, roles },
    headers: SAME_ORIGIN,
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as TUserView;
}

async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByForm(page, email, PASSWORD);
  return { context, page };
}

/** Whether the console still treats `page`'s browser as signed in: a page load and an API call. */
async function expectSignedOut(page: Page) {
  const api = await page.request.get("/api/v1/workflows");
  expect(api.status()).toBe(401);
  expect(api.headers()["content-type"]).toContain("application/problem+json");
  // next-auth's own session endpoint must not read an ended session as signed in either.
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  await page.goto("/workflows");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fworkflows/);
}

test.beforeEach(async ({ request }) => {
  await signInByApi(request, DEMO.ADMIN);
});

test("signing out ends the session on the server: a copy of its cookie taken before is refused", async ({ browser, request }) => {
  const person = await createPerson(request, ["OWNER"]);
  const { context, page } = await signedIn(browser, person.email);
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, "the session cookie").toBeTruthy();

  const replay = await browser.newContext();
  await replay.addCookies([cookie!]);
  const replayPage = await replay.newPage();
  expect((await replayPage.request.get("/api/v1/workflows")).status()).toBe(200);

  // A click that lands before the console has hydrated does nothing; click until it signs out.
  await expect(async () => {
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/, { timeout: 2_000 });
  }).toPass();

  await expectSignedOut(replayPage);
  await Promise.all([context.close(), replay.close()]);
});

test("an administrator disabling a person signs them out on their next request", async ({ browser, request }) => {
  const person = await createPerson(request, ["OWNER"]);
  const { context, page } = await signedIn(browser, person.email);
  await page.goto("/workflows");
  await expect(page.getByRole("heading", { level: 1, name: "Workflows" })).toBeVisible();

  const disabled = await request.patch(`/api/v1/users/${person.id}`, {
    data: { disabled: true, expectedUpdatedAt: person.updatedAt },
    headers: SAME_ORIGIN,
  });
  expect(disabled.status()).toBe(200);
  // Re-enabled at once: the session must stay ended, not merely be refused while disabled.
  const enabled = await request.patch(`/api/v1/users/${person.id}`, {
    data: { disabled: false, expectedUpdatedAt: ((await disabled.json()) as TUserView).updatedAt },
    headers: SAME_ORIGIN,
  });
  expect(enabled.status()).toBe(200);

  await expectSignedOut(page);
  await context.close();
});

test("removing a role ends the person's sessions; adding one does not", async ({ browser, request }) => {
  const person = await createPerson(request, ["OWNER"]);
  const { context, page } = await signedIn(browser, person.email);

  const added = await request.patch(`/api/v1/users/${person.id}`, {
    data: { roles: ["OWNER", "APPROVER"], expectedUpdatedAt: person.updatedAt },
    headers: SAME_ORIGIN,
  });
  expect(added.status()).toBe(200);
  await page.goto("/approvals");
  await expect(page).toHaveURL(/\/approvals/);

  const removed = await request.patch(`/api/v1/users/${person.id}`, {
    data: { roles: ["APPROVER"], expectedUpdatedAt: ((await added.json()) as TUserView).updatedAt },
    headers: SAME_ORIGIN,
  });
  expect(removed.status()).toBe(200);
  await expectSignedOut(page);
  await context.close();
});

test("“Sign out everywhere” from the account menu ends the person's other browser too", async ({ browser, request }) => {
  const person = await createPerson(request, ["APPROVER"]);
  const [first, second] = [await signedIn(browser, person.email), await signedIn(browser, person.email)];

  await expect(async () => {
    await first.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(first.page).toHaveURL(/\/sign-in/, { timeout: 2_000 });
  }).toPass();
  await expectSignedOut(second.page);

  // Signing in again works and is a new session.
  await signInByForm(second.page, person.email, PASSWORD);
  expect((await second.page.request.get("/api/v1/workflows")).status()).toBe(200);
  await Promise.all([first.context.close(), second.context.close()]);
});

test("an administrator signs another person out everywhere from the users page", async ({ browser, page, request }) => {
  const person = await createPerson(request, ["OWNER"]);
  const target = await signedIn(browser, person.email);

  await signInByForm(page, DEMO.ADMIN);
  await page.goto("/admin/users");
  const notice = page.getByText(`Signed ${person.email} out everywhere: 1 session ended.`);
  await expect(async () => {
    await page.getByRole("button", { name: `Sign ${person.email} out everywhere` }).click();
    await expect(notice).toBeVisible({ timeout: 2_000 });
  }).toPass();

  await expectSignedOut(target.page);
  // The administrator's own session is untouched.
  expect((await page.request.get("/api/v1/users")).status()).toBe(200);
  await target.context.close();
});

test("signing oneself out everywhere through the API answers how many sessions ended", async ({ playwright }) => {
  const admin = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  await signInByApi(admin, DEMO.ADMIN);
  const person = await createPerson(admin, ["AUDITOR"]);
  const [one, two] = [
    await playwright.request.newContext({ baseURL: E2E_BASE_URL }),
    await playwright.request.newContext({ baseURL: E2E_BASE_URL }),
  ];
  await signInByApi(one, person.email, PASSWORD);
  await signInByApi(two, person.email, PASSWORD);

  const ended = await one.post("/api/v1/me/sessions/revoke", { headers: SAME_ORIGIN });
  expect(ended.status()).toBe(200);
  expect(await ended.json()).toEqual({ sessions: 2 });
  expect((await one.get("/api/v1/workflows")).status()).toBe(401);
  expect((await two.get("/api/v1/workflows")).status()).toBe(401);
  await Promise.all([admin.dispose(), one.dispose(), two.dispose()]);
});
