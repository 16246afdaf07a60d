import { randomInt, randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { TUserView } from "@/lib/contracts/users";
import { E2E_APP_PORT, E2E_BASE_URL } from "./support/ports";
import { DEMO, signInByApi, submitSignInForm } from "./support/session";

// A script hitting next-auth's credentials endpoint, from a loopback address of its choosing: the
// whole of 127.0.0.0/8 reaches the front door, which reports the peer's address to the console.
// The addresses are this file's own, so no other journey (on 127.0.0.1) shares their counters.
const PASSWORD = "sign-in-abuse-password";

type TAnswer = { status: number; retryAfter: string | null; body: Record<string, unknown> };

class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly address: string) {}

  private send(
    method: string,
    path: string,
    body?: string,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port: E2E_APP_PORT,
          localAddress: this.address,
          method,
          path,
          headers: {
            ...(cookie ? { cookie } : {}),
            ...(body ? { "content-type": "application/x-www-form-urlencoded", origin: E2E_BASE_URL } : {}),
            // A forged client address must change nothing: the front door overwrites it.
            "x-forwarded-for": "203.0.113.99",
          },
        },
        (res) => {
          for (const line of res.headers["set-cookie"] ?? []) {
            const [pair = ""] = line.split(";");
            const at = pair.indexOf("=");
            this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
          }
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  async signIn(email: string, password: string): Promise<TAnswer> {
    const csrf = await this.send("GET", "/api/auth/csrf");
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
    const answer = await this.send("POST", "/api/auth/callback/credentials", form);
    const retryAfter = answer.headers["retry-after"];
    return {
      status: answer.status,
      retryAfter: typeof retryAfter === "string" ? retryAfter : null,
      body: JSON.parse(answer.text) as Record<string, unknown>,
    };
  }

  async sessionUser(): Promise<unknown> {
    const session = JSON.parse((await this.send("GET", "/api/auth/session")).text) as { user?: unknown };
    return session.user ?? null;
  }
}

/** What a stranger can compare between two answers: everything but the per-request id. */
const comparable = ({ status, retryAfter, body }: TAnswer) => ({ status, retryAfter, body: { ...body, requestId: undefined } });

const octet = () => randomInt(2, 252);
/** A loopback address of this test's own, apart from the 127.0.0.1 every other journey uses. */
const freshAddress = () => `127.${octet()}.${octet()}.${octet()}`;

async function createOwner(admin: APIRequestContext): Promise<TUserView> {
  const email = `abuse-${randomUUID()}@tollgate.local`;
  const response = await admin.post("/api/v1/users", {
    data: { email, name: "Account Owner", password: PASSWORD, roles: ["OWNER"] },
    headers: { origin: E2E_BASE_URL },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as TUserView;
}

test.beforeEach(async ({ request }) => {
  await signInByApi(request, DEMO.ADMIN);
});

test("20 rapid failures from one address get 429 with Retry-After; the owner signs in from another address", async ({ request }) => {
  const owner = await createOwner(request);
  const attacker = new Client(freshAddress());
  for (let i = 1; i <= 20; i += 1) {
    const answer = await attacker.signIn(`nobody-${randomUUID()}@tollgate.local`, "guess");
    expect(answer.status, `failure ${i}`).toBe(401);
    expect(String(answer.body.url)).toContain("error=invalid_credentials");
  }
  const refused = await attacker.signIn(owner.email, PASSWORD);
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThan(800);
  expect(refused.body).toMatchObject({
    status: 429,
    code: "rate_limited",
    detail: expect.stringMatching(/from your network\. Try again in 1[45] minutes\./),
  });
  expect(await attacker.sessionUser()).toBeNull();

  const ownerClient = new Client(freshAddress());
  const signedIn = await ownerClient.signIn(owner.email, PASSWORD);
  expect(signedIn.status).toBe(200);
  expect(await ownerClient.sessionUser()).toBeTruthy();
});

test("hammering one account from one address is slowed there while its owner signs in elsewhere", async ({ request }) => {
  const owner = await createOwner(request);
  const attacker = new Client(freshAddress());
  const statuses: number[] = [];
  for (let i = 0; i < 20; i += 1) statuses.push((await attacker.signIn(owner.email, "guess")).status);
  // Two guesses, then each further one is refused until a delay that only grows.
  expect(statuses.slice(0, 2)).toEqual([401, 401]);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(17);
  const refused = await attacker.signIn(owner.email, PASSWORD);
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);

  const ownerClient = new Client(freshAddress());
  expect((await ownerClient.signIn(owner.email, PASSWORD)).status).toBe(200);
  expect(await ownerClient.sessionUser()).toBeTruthy();
});

test("a registered and an unknown email get identical answers at every attempt", async ({ request }) => {
  const owner = await createOwner(request);
  const [knownFrom, unknownFrom] = [new Client(freshAddress()), new Client(freshAddress())];
  const unknown = `nobody-${randomUUID()}@tollgate.local`;
  for (let i = 1; i <= 6; i += 1) {
    const known = await knownFrom.signIn(owner.email, "guess");
    const stranger = await unknownFrom.signIn(unknown, "guess");
    // The email itself is not in the answer, so the two can be compared whole.
    expect(comparable(stranger), `attempt ${i}`).toEqual(comparable(known));
    expect(known.status, `attempt ${i}`).toBe(i <= 2 ? 401 : 429);
  }
});

test("the sign-in form says how long to wait once attempts are throttled", async ({ page, request }) => {
  const owner = await createOwner(request);
  const alert = page.getByRole("alert").filter({ hasText: "Too many" });
  // Each wrong guess makes the next wait longer, until one outlasts a page load and the form is refused.
  await expect(async () => {
    await submitSignInForm(page, owner.email, "guess");
    await expect(alert).toContainText("Too many failed sign-in attempts from your network. Try again in", { timeout: 2_000 });
  }).toPass();
  await expect(alert).toHaveText(/Try again in \d+ seconds?\.$/);
  await expect(page).toHaveURL(/\/sign-in/);
});
