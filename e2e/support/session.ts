import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/prisma/demo-data";

export const DEMO = {
  ADMIN: "admin@tollgate.local",
  SECURITY: "ciso@tollgate.local",
  APPROVER: "approver@tollgate.local",
  OWNER: "owner@tollgate.local",
  AUDITOR: "auditor@tollgate.local",
} as const;
export type TDemoRole = keyof typeof DEMO;

/** Signs in through next-auth's real credentials endpoint; the session cookie lands in `request`'s jar. */
export async function signInByApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `credentials callback for ${email}`).toBeLessThan(400);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user, `session for ${email}`).toBeTruthy();
}

/** Fills and submits the sign-in page, as a person would; the outcome is the caller's to check. */
export async function submitSignInForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in through the sign-in page and waits until the console has taken over. */
export async function signInByForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await submitSignInForm(page, email, password);
  await expect(page).not.toHaveURL(/\/sign-in/);
}
