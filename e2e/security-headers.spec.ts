import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { seededIds } from "./support/seeded-ids";
import { DEMO, signInByApi, signInByForm, type TDemoRole } from "./support/session";

type TIds = Awaited<ReturnType<typeof seededIds>>;

// Which record an `[id]` stands for, by the segment before it. A new dynamic page whose parent is
// not here fails the suite until it is added, so no page goes unvisited.
const ID_OF_PARENT: Record<string, keyof TIds> = {
  approvals: "approval",
  models: "model",
  policies: "policy",
  changes: "change",
  runs: "run",
  workflows: "workflow",
};

/** Every page under app/(console), as a path a browser visits, its `[id]`s filled with real ids. */
function consolePages(ids: TIds): string[] {
  const root = path.join(process.cwd(), "app", "(console)");
  const routes: string[][] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), [...segments, entry.name]);
      else if (entry.name === "page.tsx") routes.push(segments);
    }
  };
  walk(root, []);
  return routes
    .map((segments) => {
      const parts = segments.filter((s) => !/^\(.*\)$/.test(s));
      const filled = parts.map((segment, i) => {
        if (!segment.startsWith("[")) return segment;
        const kind = ID_OF_PARENT[parts[i - 1] ?? ""];
        if (!kind) throw new Error(`no seeded id for ${segment} in /${parts.join("/")}: add its parent to ID_OF_PARENT`);
        return ids[kind];
      });
      return `/${filled.join("/")}`;
    })
    .sort();
}

const PAGE_HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cross-origin-opener-policy": "same-origin",
};

function expectBaseHeaders(headers: Record<string, string>, what: string): void {
  for (const [name, value] of Object.entries(PAGE_HEADERS)) expect(headers[name], `${name} on ${what}`).toBe(value);
  expect(headers["permissions-policy"], `permissions-policy on ${what}`).toContain("camera=()");
  expect(headers["permissions-policy"], `permissions-policy on ${what}`).toContain("microphone=()");
  expect(headers["permissions-policy"], `permissions-policy on ${what}`).toContain("geolocation=()");
  expect(headers["content-security-policy"], `CSP on ${what}`).toContain("frame-ancestors 'none'");
  // Served over plain http here: HSTS would pin localhost to https.
  expect(headers["strict-transport-security"], `HSTS on ${what}`).toBeUndefined();
}

/** What the browser refused on the pages `page` visits: CSP violation events and "Refused to" console messages. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__reportCspViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
    document.addEventListener("securitypolicyviolation", (e) =>
      report(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} ${e.sample}`),
    );
  });
  page.on("console", (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) seen.push(`${page.url()}: ${message.text()}`);
  });
  return seen;
}

/** Visits `url`, checks its headers, and waits until React has hydrated (its scripts ran under the CSP). */
async function visit(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  const headers = await response!.allHeaders();
  expectBaseHeaders(headers, url);
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce, `a nonce in ${url}'s CSP`).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("'strict-dynamic'");
  expect(headers["content-security-policy"]).not.toContain("'unsafe-eval'");
  // Next's route announcer is mounted by the hydrated app: without it, the scripts never ran.
  await page.locator("next-route-announcer").waitFor({ state: "attached" });
  const nonces = await page.locator("script[nonce]").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(nonces.length, `scripts with a nonce on ${url}`).toBeGreaterThan(0);
  expect(new Set(nonces), `every script's nonce on ${url} is the answer's`).toEqual(new Set([nonce]));
}

let ids: TIds;
test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext();
  try {
    await signInByApi(request, DEMO.ADMIN);
    ids = await seededIds(request);
  } finally {
    await request.dispose();
  }
});

test("the sign-in page and the 404 page run under their CSP with no violation", async ({ page }) => {
  const violations = await watchViolations(page);
  await visit(page, "/sign-in");
  await signInByForm(page, DEMO.AUDITOR);
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { name: "This page could not be found" })).toBeVisible();
  await page.locator("next-route-announcer").waitFor({ state: "attached" });
  expect(violations).toEqual([]);
});

for (const role of Object.keys(DEMO) as TDemoRole[]) {
  test(`every console page runs under its CSP with no violation, as ${role}`, async ({ page }) => {
    test.setTimeout(180_000);
    const violations = await watchViolations(page);
    await signInByForm(page, DEMO[role]);
    const pages = consolePages(ids);
    expect(pages.length).toBeGreaterThan(20);
    for (const url of pages) await test.step(url, () => visit(page, url));
    expect(violations).toEqual([]);
  });
}

function expectApiHeaders(response: APIResponse, what: string): void {
  const headers = response.headers();
  expectBaseHeaders(headers, what);
  expect(headers["content-security-policy"], what).toContain("default-src 'none'");
  expect(headers["cache-control"], what).toBe("no-store");
}

test.describe("headers on answers that are not pages", () => {
  test("a signed-in API answer, its error, and a 404 carry the headers and are never stored", async ({ request }) => {
    await signInByApi(request, DEMO.ADMIN);
    const list = await request.get("/api/v1/workflows");
    expect(list.status()).toBe(200);
    expectApiHeaders(list, "GET /api/v1/workflows");
    const invalid = await request.get("/api/v1/workflows?pageSize=0");
    expect(invalid.status()).toBe(400);
    expectApiHeaders(invalid, "a 400 from /api/v1/workflows");
    const missing = await request.get("/api/v1/no/such/thing");
    expect(missing.status()).toBe(404);
    expectBaseHeaders(missing.headers(), "an unknown API path");
    const page404 = await request.get("/no/such/page");
    expect(page404.status()).toBe(404);
    expectBaseHeaders(page404.headers(), "an unknown page");
  });

  test("the run-time API's answers (the front door's own) carry them too", async ({ request }) => {
    const refused = await request.post("/api/v1/decisions", { data: {}, headers: { authorization: "Bearer tg_not_a_token" } });
    expect(refused.status()).toBe(401);
    expectApiHeaders(refused, "a run-time 401");
    const stream = await request.get("/api/v1/killswitch/stream");
    expect(stream.status()).toBe(401);
    expectApiHeaders(stream, "the kill-switch stream's 401");
  });

  test("HSTS is sent when the console is reached over https (behind a TLS-terminating proxy)", async ({ request }) => {
    const https = { "x-forwarded-proto": "https" };
    for (const [what, response] of [
      ["a run-time answer", await request.post("/api/v1/decisions", { data: {}, headers: https })],
      ["a console answer", await request.get("/sign-in", { headers: https })],
    ] as const) {
      expect(response.headers()["strict-transport-security"], what).toBe("max-age=31536000; includeSubDomains");
    }
  });
});
