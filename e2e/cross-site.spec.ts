import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { API_OPERATIONS } from "@/lib/contracts/api-catalog";
import { E2E_BASE_URL } from "./support/ports";
import { expectProblem } from "./support/registry";
import { createTokenByApi, recordsIn } from "./support/seeded-ids";
import { DEMO, signInByApi } from "./support/session";

// An administrator of its own, so its audit trail shows exactly what its cookie did.
const VICTIM = {
  email: `csrf-${randomUUID().slice(0, 8)}@tollgate.local`,
  password: "a-long-enough-password-1",
  name: "Cross-site victim",
};
const EVIL = "https://evil.example";
const CROSS_SITE = [
  ["another site's Origin", { origin: EVIL }],
  ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
] as const;
const SAME_ORIGIN = { origin: E2E_BASE_URL, "sec-fetch-site": "same-origin" };

// Every state-changing operation a session cookie authenticates, straight from the catalog.
const SESSION_CHANGES = API_OPERATIONS.filter((op) => op.auth === "session" && op.method !== "GET");

let victim: APIRequestContext;
let ids: { workflow: string; token: string; user: string };

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ playwright }) => {
  const admin = await playwright.request.newContext();
  try {
    await signInByApi(admin, DEMO.ADMIN);
    // Sent as the console sends it: same origin, so the refusal below is specific to other sites.
    const created = await admin.post("/api/v1/users", { data: { ...VICTIM, roles: ["ADMIN"] }, headers: SAME_ORIGIN });
    expect(created.status(), await created.text()).toBe(201);
  } finally {
    await admin.dispose();
  }
  victim = await playwright.request.newContext();
  await signInByApi(victim, VICTIM.email, VICTIM.password);
  const workflow = recordsIn(await (await victim.get("/api/v1/workflows?search=support-refunds")).json()).find(
    (w) => w.key === "support-refunds",
  );
  const user = recordsIn(await (await victim.get("/api/v1/users")).json()).find((u) => u.email === VICTIM.email);
  if (!workflow || !user) throw new Error("the seeded workflow or the victim is missing");
  const token = await createTokenByApi(victim, workflow.id, ["DECIDE"]);
  ids = { workflow: workflow.id, token: token.id, user: user.id };
});
test.afterAll(async () => victim?.dispose());

/** The catalog's path with real ids where the seed has them (any id will do for the rest). */
function pathOf(template: string): string {
  const id = template.startsWith("/api/v1/workflows/") ? ids.workflow : template.startsWith("/api/v1/users/") ? ids.user : randomUUID();
  return template.replace("{tokenId}", ids.token).replace("{id}", id);
}

async function send(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<APIResponse> {
  return victim.fetch(path, { method, headers, ...(body === undefined ? {} : { data: body }), maxRedirects: 0 });
}

/** What the victim's cookie has changed, as the audit log records every change. */
async function victimTrail(): Promise<string[]> {
  const page = await victim.get(`/api/v1/audit/events?actor=${encodeURIComponent(VICTIM.email)}&limit=100`);
  expect(page.status()).toBe(200);
  return ((await page.json()) as { events: { seq: string; action: string }[] }).events.map((e) => `${e.seq} ${e.action}`);
}

async function tokenStatus(): Promise<string> {
  const tokens = recordsIn(await (await victim.get(`/api/v1/workflows/${ids.workflow}/tokens`)).json());
  const token = tokens.find((t) => t.id === ids.token);
  return String(token?.status ?? "missing");
}

async function expectRefused(response: APIResponse, what: string): Promise<void> {
  const problem = await expectProblem(response, 403, "cross_site_request", what);
  expect(problem.detail, what).toContain(`must come from the console's own origin (${E2E_BASE_URL})`);
}

for (const [label, headers] of CROSS_SITE) {
  test(`every state-changing session operation of the API catalog is refused with ${label}, and nothing changes`, async () => {
    expect(SESSION_CHANGES.length).toBeGreaterThanOrEqual(40);
    const before = await victimTrail();
    const tokenBefore = await tokenStatus();
    for (const op of SESSION_CHANGES) {
      const path = pathOf(op.path);
      await expectRefused(
        await send(op.method, path, { ...headers, "content-type": "application/json" }, op.body ? {} : undefined),
        `${op.id}: ${op.method} ${path}`,
      );
    }
    expect(await victimTrail()).toEqual(before);
    expect(await tokenStatus()).toBe(tokenBefore);
    // The cookie is still good: the refusals were about where the requests came from, not who sent them.
    expect((await victim.get("/api/v1/users")).status()).toBe(200);
  });
}

test("a cross-site form POST cannot revoke a token with an administrator's cookie", async () => {
  const before = await victimTrail();
  expect(await tokenStatus()).toBe("active");
  const path = `/api/v1/workflows/${ids.workflow}/tokens/${ids.token}/revoke`;
  // What a hidden <form method=post action=...> on another site sends.
  for (const [label, headers] of CROSS_SITE) {
    await expectRefused(
      await victim.post(path, { form: { confirm: "yes" }, headers: { ...headers }, maxRedirects: 0 }),
      `form POST with ${label}`,
    );
  }
  expect(await tokenStatus()).toBe("active");
  expect(await victimTrail()).toEqual(before);
});

test("next-auth's own endpoints refuse a cross-site sign-out and sign-in", async () => {
  const { csrfToken } = (await (await victim.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const [label, headers] of CROSS_SITE) {
    await expectRefused(
      await victim.post("/api/auth/signout", { form: { csrfToken, json: "true" }, headers: { ...headers }, maxRedirects: 0 }),
      `sign-out with ${label}`,
    );
    await expectRefused(
      await victim.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: VICTIM.email, password: VICTIM.password, json: "true" },
        headers: { ...headers },
        maxRedirects: 0,
      }),
      `sign-in with ${label}`,
    );
  }
  // Still signed in, as the same person: the sign-out never reached next-auth.
  const session = (await (await victim.get("/api/auth/session")).json()) as { user?: { id?: string } };
  expect(session.user?.id).toBe(ids.user);
  expect((await victim.get("/api/v1/users")).status()).toBe(200);
});

test("the same change sent from the console's own origin goes through", async () => {
  const path = `/api/v1/workflows/${ids.workflow}/tokens/${ids.token}/revoke`;
  const revoked = await victim.post(path, { headers: SAME_ORIGIN });
  expect(revoked.status(), await revoked.text()).toBeLessThan(300);
  expect(await tokenStatus()).toBe("revoked");
  expect((await victimTrail())[0]).toContain("token.revoked");
});
