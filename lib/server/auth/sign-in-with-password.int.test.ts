import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { db } from "../db/client";
import { hashPassword } from "./password";
import { signInWithPassword, type TPasswordSignInResult } from "./sign-in-with-password";
import { runAudited } from "../audit/run-audited";

// Defaults from lib/server/env.ts: locked after 5 consecutive failures, for 15 minutes.
const MAX_FAILURES = 5;
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

const attempt = (email: string, password: string) => signInWithPassword({ email, password });
const account = (id: string) => db.user.findUniqueOrThrow({ where: { id } });
/** Moves the throttle window into the past, as waiting would; no sleeping in tests. */
const waitOutThrottle = (id: string) => db.user.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });

/** The audit trail of one email: attempts are labelled with it, lockouts target the user. */
async function trail(email: string, userId?: string) {
  const rows = await db.auditEvent.findMany({
    where: { OR: [{ actorLabel: email }, ...(userId ? [{ targetId: userId }] : [])] },
    orderBy: { seq: "asc" },
  });
  return rows.map((row) => {
    const reason = (row.data as { reason?: string }).reason;
    return `${row.action}${reason ? `:${reason}` : ""}`;
  });
}

/** Opens pool connections up front, so concurrent attempts really overlap instead of queueing on connects. */
const warmPool = () => Promise.all(Array.from({ length: 8 }, () => runAudited(db, (tx) => tx.$executeRaw`SELECT pg_sleep(0.05)`)));

const reasonOf = (result: TPasswordSignInResult) => (result.ok ? "ok" : result.failure.reason);

describe("signInWithPassword", () => {
  it("signs in with the right password and audits it as the user", async () => {
    const user = await createUser();
    const result = await attempt(user.email, PASSWORD);
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: "Test User", roles: ["OWNER"] } });
    expect((await account(user.id)).lastSignInAt).toBeInstanceOf(Date);
    const [row] = await db.auditEvent.findMany({ where: { targetId: user.id } });
    expect(row).toMatchObject({ action: "auth.sign_in.succeeded", actorType: "user", actorId: user.id, data: { method: "password" } });
  });

  it("matches the email case-insensitively and ignores surrounding spaces", async () => {
    const user = await createUser();
    expect(reasonOf(await attempt(`  ${user.email.toUpperCase()} `, PASSWORD))).toBe("ok");
  });

  it("refuses a wrong password, counts it and audits it as anonymous", async () => {
    const user = await createUser();
    expect(await attempt(user.email, WRONG)).toEqual({ ok: false, failure: { reason: "invalid_credentials" } });
    expect(await account(user.id)).toMatchObject({ failedSignIns: 1, nextAttemptAt: null, lockedUntil: null, lastSignInAt: null });
    const [row] = await db.auditEvent.findMany({ where: { targetId: user.id } });
    expect(row).toMatchObject({ actorType: "anonymous", actorId: null, actorLabel: user.email, data: { method: "password", reason: "bad_password" } });
  });

  it("throttles after the second failure and refuses an early retry without checking the password", async () => {
    const user = await createUser();
    await attempt(user.email, WRONG);
    const before = Date.now();
    await attempt(user.email, WRONG);
    const { nextAttemptAt } = await account(user.id);
    expect(nextAttemptAt!.getTime() - before).toBeGreaterThan(500);
    expect(nextAttemptAt!.getTime() - before).toBeLessThanOrEqual(1_500);

    // The correct password is refused inside the window: proof that it was never checked.
    const early = await attempt(user.email, PASSWORD);
    expect(early).toEqual({ ok: false, failure: { reason: "throttled", retryAt: nextAttemptAt } });
    expect(await account(user.id)).toMatchObject({ failedSignIns: 2, lastSignInAt: null });

    await waitOutThrottle(user.id);
    expect(reasonOf(await attempt(user.email, PASSWORD))).toBe("ok");
    expect(await trail(user.email, user.id)).toEqual([
      "auth.sign_in.failed:bad_password",
      "auth.sign_in.failed:bad_password",
      "auth.sign_in.failed:throttled",
      "auth.sign_in.succeeded",
    ]);
  });

  it("doubles the wait with each further failure", async () => {
    const user = await createUser();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = Date.now();
      await attempt(user.email, WRONG);
      const { nextAttemptAt } = await account(user.id);
      if (nextAttemptAt) waits.push(Math.round((nextAttemptAt.getTime() - before) / 1000));
      await waitOutThrottle(user.id);
    }
    expect(waits).toEqual([1, 2, 4]);
  });

  it(`locks the account after ${MAX_FAILURES} failures, audits the lockout and refuses even the right password`, async () => {
    const user = await createUser();
    const reasons: string[] = [];
    for (let i = 0; i < MAX_FAILURES; i++) {
      reasons.push(reasonOf(await attempt(user.email, WRONG)));
      await waitOutThrottle(user.id);
    }
    expect(reasons).toEqual(["invalid_credentials", "invalid_credentials", "invalid_credentials", "invalid_credentials", "locked"]);
    const locked = await account(user.id);
    expect(locked.failedSignIns).toBe(MAX_FAILURES);
    const minutes = (locked.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    expect(await attempt(user.email, PASSWORD)).toEqual({ ok: false, failure: { reason: "locked", retryAt: locked.lockedUntil } });
    const lockRow = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.account.locked", targetId: user.id } });
    expect(lockRow).toMatchObject({ actorType: "system", data: { failedSignIns: MAX_FAILURES, lockedUntil: locked.lockedUntil!.toISOString() } });
    expect(await trail(user.email, user.id)).toEqual([
      ...Array<string>(MAX_FAILURES).fill("auth.sign_in.failed:bad_password"),
      "auth.account.locked",
      "auth.sign_in.failed:locked",
    ]);
  });

  it("lets the right password in once the lock has expired, and resets the counters", async () => {
    const user = await createUser();
    for (let i = 0; i < MAX_FAILURES; i++) {
      await attempt(user.email, WRONG);
      await waitOutThrottle(user.id);
    }
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1_000) } });
    expect(reasonOf(await attempt(user.email, PASSWORD))).toBe("ok");
    expect(await account(user.id)).toMatchObject({ failedSignIns: 0, nextAttemptAt: null, lockedUntil: null });
  });

  it("locks again at once when the first attempt after an expired lock fails", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { failedSignIns: MAX_FAILURES, lockedUntil: new Date(Date.now() - 1_000) } });
    expect(reasonOf(await attempt(user.email, WRONG))).toBe("locked");
    expect(await account(user.id)).toMatchObject({ failedSignIns: MAX_FAILURES + 1 });
    expect(await trail(user.email, user.id)).toEqual(["auth.sign_in.failed:bad_password", "auth.account.locked"]);
  });

  it("resets the failure count on success", async () => {
    const user = await createUser();
    await attempt(user.email, WRONG);
    expect(reasonOf(await attempt(user.email, PASSWORD))).toBe("ok");
    expect(await account(user.id)).toMatchObject({ failedSignIns: 0, nextAttemptAt: null, lockedUntil: null });
    await attempt(user.email, WRONG);
    expect(await account(user.id)).toMatchObject({ failedSignIns: 1, nextAttemptAt: null });
  });

  it("refuses an unknown email like a wrong password and audits it as anonymous with no target", async () => {
    const email = `nobody-${randomUUID()}@example.test`;
    expect(await attempt(email, PASSWORD)).toEqual({ ok: false, failure: { reason: "invalid_credentials" } });
    const rows = await db.auditEvent.findMany({ where: { actorLabel: email } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "auth.sign_in.failed", actorType: "anonymous", actorId: null, targetId: null, data: { email, reason: "unknown_user" } });
  });

  it("says an account is disabled only to someone who knows its password", async () => {
    const user = await createUser({ disabled: true });
    expect(await attempt(user.email, WRONG)).toEqual({ ok: false, failure: { reason: "invalid_credentials" } });
    expect(await attempt(user.email, PASSWORD)).toEqual({ ok: false, failure: { reason: "disabled" } });
    expect(await account(user.id)).toMatchObject({ failedSignIns: 1, lastSignInAt: null });
    expect(await trail(user.email, user.id)).toEqual(["auth.sign_in.failed:bad_password", "auth.sign_in.failed:disabled"]);
  });

  it("refuses a password for a single-sign-on account that has none, without counting it", async () => {
    const user = await createUser({ passwordHash: null });
    expect(await attempt(user.email, PASSWORD)).toEqual({ ok: false, failure: { reason: "invalid_credentials" } });
    expect((await account(user.id)).failedSignIns).toBe(0);
    expect(await trail(user.email, user.id)).toEqual(["auth.sign_in.failed:no_password"]);
  });

  it("refuses malformed input before touching any account", async () => {
    const before = await db.auditEvent.count();
    expect(await attempt("not-an-email", PASSWORD)).toEqual({ ok: false, failure: { reason: "invalid_input" } });
    expect(await attempt("someone@example.test", "")).toEqual({ ok: false, failure: { reason: "invalid_input" } });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("counts both of two concurrent wrong attempts", async () => {
    const user = await createUser();
    await warmPool();
    const results = await Promise.all([attempt(user.email, WRONG), attempt(user.email, WRONG)]);
    expect(results.map(reasonOf)).toEqual(["invalid_credentials", "invalid_credentials"]);
    expect((await account(user.id)).failedSignIns).toBe(2);
    expect(await trail(user.email, user.id)).toEqual(["auth.sign_in.failed:bad_password", "auth.sign_in.failed:bad_password"]);
  });

  it("serialises a burst of wrong attempts: each is counted or throttled, none is lost", async () => {
    const user = await createUser();
    await warmPool();
    const results = await Promise.all(Array.from({ length: 8 }, () => attempt(user.email, WRONG)));
    const counted = results.filter((r) => reasonOf(r) === "invalid_credentials").length;
    const throttled = results.filter((r) => reasonOf(r) === "throttled").length;
    expect(counted + throttled).toBe(8);
    // Attempts queue on the row lock; once the second failure sets a wait, the rest are refused.
    expect(counted).toBe(2);
    expect((await account(user.id)).failedSignIns).toBe(counted);
    const audit = await trail(user.email, user.id);
    expect(audit.filter((a) => a === "auth.sign_in.failed:bad_password")).toHaveLength(counted);
    expect(audit.filter((a) => a === "auth.sign_in.failed:throttled")).toHaveLength(throttled);
  });
});

describe("sign-in bookkeeping", () => {
  it("leaves updatedAt, the profile version admins edit against, untouched", async () => {
    const user = await createUser();
    await attempt(user.email, WRONG);
    await attempt(user.email, WRONG);
    await db.user.update({ where: { id: user.id }, data: { nextAttemptAt: null, updatedAt: user.updatedAt } });
    expect((await attempt(user.email, PASSWORD)).ok).toBe(true);
    const after = await account(user.id);
    expect(after.lastSignInAt).not.toBeNull();
    expect(after.updatedAt).toEqual(user.updatedAt);
  });
});
