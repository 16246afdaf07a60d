import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudited } from "../audit/run-audited";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { db } from "../db/client";
import { hashPassword } from "./password";
import { signInWithPassword, type TPasswordSignInResult } from "./sign-in-with-password";

// Defaults from lib/server/env.ts: 20 failures per address and 100 per account in a 15-minute window.
const ADDRESS_MAX = 20;
const ACCOUNT_MAX = 100;
const PASSWORD = "correct horse battery staple";
const WRONG = "wrong password";
let passwordHash = "";

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

afterAll(async () => {
  expect(await verifyAuditChain({ db })).toMatchObject({ ok: true });
});

async function createUser(overrides: { disabled?: boolean; passwordHash?: string | null } = {}) {
  const email = `user-${randomUUID()}@example.test`;
  return db.user.create({ data: { email, name: "Test User", roles: ["OWNER"], passwordHash, ...overrides } });
}

/** A fresh client address per test, so tests never share a counter. */
let nextAddress = 1;
const freshAddress = () => `198.51.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;
const unknownEmail = () => `nobody-${randomUUID()}@example.test`;

const attempt = (email: string, password: string, address: string) => signInWithPassword({ email, password, address });
const counter = (key: string) => db.signInThrottle.findUnique({ where: { key } });
/** Moves every delay of `key` into the past, as waiting would; no sleeping in tests. */
const waitOut = (key: string) => db.signInThrottle.update({ where: { key }, data: { blockedUntil: new Date(Date.now() - 1) } });

/** What a caller can observe of a result: the reason and, for a refusal with a wait, the whole seconds. */
function observed(result: TPasswordSignInResult): string {
  if (result.ok) return "ok";
  const { failure } = result;
  return "retryAt" in failure ? `${failure.reason}:${Math.ceil((failure.retryAt.getTime() - Date.now()) / 1000)}` : failure.reason;
}

/** Opens pool connections up front, so concurrent attempts really overlap instead of queueing on connects. */
const warmPool = () => Promise.all(Array.from({ length: 8 }, () => runAudited(db, (tx) => tx.$executeRaw`SELECT pg_sleep(0.05)`)));

describe("signInWithPassword", () => {
  it("signs in with the right password, opens a server-side session and audits it as the user", async () => {
    const user = await createUser();
    const result = await attempt(user.email, PASSWORD, freshAddress());
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, email: user.email, name: "Test User", roles: ["OWNER"] },
      sessionId: expect.any(String),
    });
    const session = await db.userSession.findUniqueOrThrow({ where: { id: result.ok ? result.sessionId : "" } });
    expect(session).toMatchObject({ userId: user.id, method: "password", endedAt: null });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(8 * 60 * 60 * 1000);
    const [row] = await db.auditEvent.findMany({ where: { targetId: user.id } });
    expect(row).toMatchObject({ action: "auth.sign_in.succeeded", actorType: "user", actorId: user.id, data: { method: "password" } });
  });

  it("matches the email case-insensitively and ignores surrounding spaces", async () => {
    const user = await createUser();
    expect(observed(await attempt(`  ${user.email.toUpperCase()} `, PASSWORD, freshAddress()))).toBe("ok");
  });

  it("counts a wrong password on the address, the account and the pair, and audits it", async () => {
    const user = await createUser();
    const address = freshAddress();
    expect(observed(await attempt(user.email, WRONG, address))).toBe("invalid_credentials");
    for (const key of [`address:${address}`, `account:${user.email}`, `account_address:${user.email}|${address}`]) {
      expect(await counter(key), key).toMatchObject({ failures: 1, blockedUntil: null });
    }
    const failed = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in.failed", targetId: user.id } });
    expect(failed).toMatchObject({ actorType: "anonymous", data: { method: "password", email: user.email, reason: "bad_password" } });
  });

  it("slows one email from one address (1 s, 2 s, 4 s…) without refusing the owner from another address", async () => {
    const user = await createUser();
    const stranger = freshAddress();
    const pair = `account_address:${user.email}|${stranger}`;
    expect(observed(await attempt(user.email, WRONG, stranger))).toBe("invalid_credentials");
    expect(observed(await attempt(user.email, WRONG, stranger))).toBe("invalid_credentials");
    // Refused before the password is checked: even the right one waits.
    expect(observed(await attempt(user.email, PASSWORD, stranger))).toBe("throttled:1");
    await waitOut(pair);
    expect(observed(await attempt(user.email, WRONG, stranger))).toBe("invalid_credentials");
    expect(observed(await attempt(user.email, WRONG, stranger))).toBe("throttled:2");

    expect(observed(await attempt(user.email, PASSWORD, freshAddress()))).toBe("ok");
    const throttled = await db.auditEvent.findMany({ where: { action: "auth.sign_in.throttled", targetId: user.id } });
    // Audited when the delay first starts, not again for each longer wait.
    expect(throttled.map((e) => e.data)).toEqual([expect.objectContaining({ scope: "account_address", address: stranger, failures: 2 })]);
  });

  it("answers an unknown email exactly as a registered one, at every attempt", async () => {
    const user = await createUser();
    const [knownFrom, unknownFrom] = [freshAddress(), freshAddress()];
    const unknown = unknownEmail();
    const known: string[] = [];
    const stranger: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      known.push(observed(await attempt(user.email, WRONG, knownFrom)));
      stranger.push(observed(await attempt(unknown, WRONG, unknownFrom)));
      if (i === 3)
        await Promise.all([waitOut(`account_address:${user.email}|${knownFrom}`), waitOut(`account_address:${unknown}|${unknownFrom}`)]);
    }
    expect(known).toEqual([
      "invalid_credentials",
      "invalid_credentials",
      "throttled:1",
      "throttled:1",
      "invalid_credentials",
      "throttled:2",
    ]);
    expect(stranger).toEqual(known);
    expect(await counter(`account:${unknown}`)).toMatchObject({ failures: 3 });
  });

  it("refuses an address that failed on too many accounts, for any account, until its window ends", async () => {
    const user = await createUser();
    const hammering = freshAddress();
    for (let i = 0; i < ADDRESS_MAX; i += 1) expect(observed(await attempt(unknownEmail(), WRONG, hammering))).toBe("invalid_credentials");
    const refused = await attempt(user.email, PASSWORD, hammering);
    expect(refused).toMatchObject({ ok: false, failure: { reason: "throttled" } });
    const { windowStartedAt } = await db.signInThrottle.findUniqueOrThrow({ where: { key: `address:${hammering}` } });
    expect(refused.ok ? null : "retryAt" in refused.failure && refused.failure.retryAt).toEqual(
      new Date(windowStartedAt.getTime() + 15 * 60_000),
    );
    // The owner, elsewhere, is not affected.
    expect(observed(await attempt(user.email, PASSWORD, freshAddress()))).toBe("ok");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "auth.sign_in.throttled", data: { path: ["address"], equals: hammering } },
    });
    expect(event.data).toMatchObject({ scope: "address", failures: ADDRESS_MAX });
  });

  it("refuses an account from everywhere only once the high account-wide ceiling is reached", async () => {
    const user = await createUser();
    await db.signInThrottle.create({ data: { key: `account:${user.email}`, failures: ACCOUNT_MAX - 1, windowStartedAt: new Date() } });
    expect(observed(await attempt(user.email, PASSWORD, freshAddress()))).toBe("ok");
    expect(observed(await attempt(user.email, WRONG, freshAddress()))).toBe("invalid_credentials");
    expect(observed(await attempt(user.email, PASSWORD, freshAddress()))).toMatch(/^account_throttled:(899|900)$/);
  });

  it("starts a counter over once its window has passed", async () => {
    const user = await createUser();
    const address = freshAddress();
    const long = new Date(Date.now() - 16 * 60_000);
    await db.signInThrottle.create({
      data: {
        key: `address:${address}`,
        failures: ADDRESS_MAX,
        windowStartedAt: long,
        blockedUntil: new Date(long.getTime() + 15 * 60_000),
      },
    });
    expect(observed(await attempt(user.email, WRONG, address))).toBe("invalid_credentials");
    expect(await counter(`address:${address}`)).toMatchObject({ failures: 1, blockedUntil: null });
  });

  it("clears only this email's delay from this address on success", async () => {
    const user = await createUser();
    const address = freshAddress();
    await attempt(user.email, WRONG, address);
    expect(observed(await attempt(user.email, PASSWORD, address))).toBe("ok");
    expect(await counter(`account_address:${user.email}|${address}`)).toBeNull();
    expect(await counter(`address:${address}`)).toMatchObject({ failures: 1 });
    expect(await counter(`account:${user.email}`)).toMatchObject({ failures: 1 });
  });

  it("says disabled only to someone with the right password", async () => {
    const user = await createUser({ disabled: true });
    const address = freshAddress();
    expect(observed(await attempt(user.email, WRONG, address))).toBe("invalid_credentials");
    expect(observed(await attempt(user.email, PASSWORD, freshAddress()))).toBe("disabled");
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("fails an SSO-only account like an unknown email", async () => {
    const user = await createUser({ passwordHash: null });
    expect(observed(await attempt(user.email, PASSWORD, freshAddress()))).toBe("invalid_credentials");
    const failed = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in.failed", targetId: user.id } });
    expect(failed.data).toMatchObject({ reason: "no_password" });
  });

  it("lets parallel guesses from one address through one at a time, so they are throttled like sequential ones", async () => {
    const user = await createUser();
    const address = freshAddress();
    await warmPool();
    const results = await Promise.all(Array.from({ length: 8 }, () => attempt(user.email, WRONG, address)));
    expect(results.map(observed).filter((r) => r === "invalid_credentials")).toHaveLength(2);
    expect(await counter(`account_address:${user.email}|${address}`)).toMatchObject({ failures: 2 });
  });

  it("refuses malformed input without counting it", async () => {
    const address = freshAddress();
    expect(observed(await attempt("not-an-email", WRONG, address))).toBe("invalid_input");
    expect(await counter(`address:${address}`)).toBeNull();
  });
});
