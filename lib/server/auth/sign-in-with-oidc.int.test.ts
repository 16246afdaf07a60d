import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { db } from "../db/client";
import { signInWithOidc, type TOidcSignInResult } from "./sign-in-with-oidc";

// Read by env() on its first call, which comes after this module has run.
vi.stubEnv("OIDC_ROLE_CLAIM", "groups");
vi.stubEnv("OIDC_ROLE_MAP", "tollgate-security=SECURITY,tollgate-auditors=AUDITOR,tollgate-admins=ADMIN,tollgate-admins=SECURITY");

afterAll(async () => {
  expect(await verifyAuditChain({ db })).toMatchObject({ ok: true });
  vi.unstubAllEnvs();
});

function person(groups: unknown, extra: Record<string, unknown> = {}) {
  const id = randomUUID();
  return { sub: `sub-${id}`, email: `sso-${id}@corp.example`, email_verified: true, name: "Sasha SSO", groups, ...extra };
}

const roleOf = (result: TOidcSignInResult) => (result.ok ? result.user.roles : result.failure.reason);

async function trail(email: string) {
  const user = await db.user.findFirst({ where: { email }, select: { id: true } });
  const rows = await db.auditEvent.findMany({
    where: { OR: [{ actorLabel: email }, ...(user ? [{ targetId: user.id }] : [])] },
    orderBy: { seq: "asc" },
  });
  return rows.map((row) => ({ action: row.action, actorType: row.actorType, data: row.data }));
}

describe("signInWithOidc", () => {
  it("creates the user with the role a string claim maps to, and audits the creation and the sign-in", async () => {
    const claims = person("tollgate-auditors");
    const result = await signInWithOidc({ claims });
    expect(result.ok && result.user).toMatchObject({ email: claims.email, name: "Sasha SSO", roles: ["AUDITOR"] });
    const user = await db.user.findUniqueOrThrow({ where: { oidcSubject: claims.sub }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ email: claims.email, roles: ["AUDITOR"], passwordHash: null });
    expect(user.lastSignInAt).toBeInstanceOf(Date);
    expect(await trail(claims.email)).toEqual([
      { action: "user.created", actorType: "system", data: { email: claims.email, name: "Sasha SSO", roles: ["AUDITOR"], source: "oidc" } },
      { action: "auth.sign_in.succeeded", actorType: "user", data: { method: "oidc" } },
    ]);
  });

  it("maps every value of an array claim, ignoring unmapped ones, in canonical role order", async () => {
    const claims = person(["staff", "tollgate-security", "tollgate-admins", 42]);
    expect(roleOf(await signInWithOidc({ claims }))).toEqual(["ADMIN", "SECURITY"]);
  });

  it("refuses and audits a person the mapping grants no role, creating nobody", async () => {
    for (const groups of [["marketing"], "marketing", undefined, []]) {
      const claims = person(groups);
      expect(await signInWithOidc({ claims })).toEqual({ ok: false, failure: { reason: "no_role" } });
      expect(await db.user.count({ where: { email: claims.email } })).toBe(0);
      expect(await trail(claims.email)).toEqual([
        { action: "auth.sign_in.failed", actorType: "anonymous", data: { method: "oidc", email: claims.email, reason: "no_role" } },
      ]);
    }
  });

  it("links an existing user with the same email, replaces their roles with the mapped ones and audits both", async () => {
    const claims = person(["tollgate-auditors"]);
    const existing = await db.user.create({
      data: { email: claims.email, name: "Local Sasha", roles: ["OWNER", "APPROVER"], passwordHash: "kept" },
    });
    const result = await signInWithOidc({ claims: { ...claims, email: claims.email.toUpperCase() } });
    expect(result.ok && result.user).toMatchObject({ id: existing.id, name: "Local Sasha", roles: ["AUDITOR"] });
    const linked = await db.user.findUniqueOrThrow({ where: { id: existing.id }, omit: { passwordHash: false } });
    expect(linked).toMatchObject({ oidcSubject: claims.sub, roles: ["AUDITOR"], passwordHash: "kept" });
    expect(await trail(claims.email)).toEqual([
      { action: "user.oidc.linked", actorType: "system", data: { subject: claims.sub } },
      { action: "user.roles.changed", actorType: "system", data: { before: ["APPROVER", "OWNER"], after: ["AUDITOR"] } },
      { action: "auth.sign_in.succeeded", actorType: "user", data: { method: "oidc" } },
    ]);
  });

  it("follows role changes at the provider on each sign-in, auditing only real changes", async () => {
    const claims = person(["tollgate-auditors"]);
    await signInWithOidc({ claims });
    expect(roleOf(await signInWithOidc({ claims: { ...claims, groups: ["tollgate-security"] } }))).toEqual(["SECURITY"]);
    expect(roleOf(await signInWithOidc({ claims: { ...claims, groups: ["tollgate-security"] } }))).toEqual(["SECURITY"]);
    expect((await trail(claims.email)).map((row) => row.action)).toEqual([
      "user.created",
      "auth.sign_in.succeeded",
      "user.roles.changed",
      "auth.sign_in.succeeded",
      "auth.sign_in.succeeded",
    ]);
    const changed = (await trail(claims.email)).find((row) => row.action === "user.roles.changed");
    expect(changed?.data).toEqual({ before: ["AUDITOR"], after: ["SECURITY"] });
  });

  it("refuses an email already linked to a different subject", async () => {
    const first = person("tollgate-auditors");
    await signInWithOidc({ claims: first });
    const impostor = { ...first, sub: `sub-${randomUUID()}` };
    expect(await signInWithOidc({ claims: impostor })).toEqual({ ok: false, failure: { reason: "oidc_conflict" } });
    expect(await db.user.count({ where: { oidcSubject: impostor.sub } })).toBe(0);
    expect((await trail(first.email)).at(-1)).toMatchObject({ action: "auth.sign_in.failed", data: { reason: "oidc_conflict" } });
  });

  it("will not create or link on an email the provider says is unverified, but signs in a known subject", async () => {
    const claims = person("tollgate-auditors", { email_verified: false });
    expect(await signInWithOidc({ claims })).toEqual({ ok: false, failure: { reason: "email_unverified" } });
    expect(await db.user.count({ where: { email: claims.email } })).toBe(0);
    await signInWithOidc({ claims: { ...claims, email_verified: true } });
    expect(roleOf(await signInWithOidc({ claims }))).toEqual(["AUDITOR"]);
  });

  it("refuses a disabled user without changing them", async () => {
    const claims = person("tollgate-security");
    await db.user.create({ data: { email: claims.email, name: "Gone", roles: ["OWNER"], disabled: true } });
    expect(await signInWithOidc({ claims })).toEqual({ ok: false, failure: { reason: "disabled" } });
    expect(await db.user.findFirstOrThrow({ where: { email: claims.email } })).toMatchObject({ oidcSubject: null, roles: ["OWNER"] });
    expect((await trail(claims.email)).map((row) => row.action)).toEqual(["auth.sign_in.failed"]);
  });

  it("refuses a profile without a usable email", async () => {
    const claims = person("tollgate-security", { email: "not an email" });
    expect(await signInWithOidc({ claims })).toEqual({ ok: false, failure: { reason: "invalid_profile" } });
    expect(await trail("not an email")).toEqual([
      { action: "auth.sign_in.failed", actorType: "anonymous", data: { method: "oidc", email: "not an email", reason: "invalid_profile" } },
    ]);
  });

  it("creates one user when the same person's first sign-ins race", async () => {
    const claims = person("tollgate-auditors");
    const results = await Promise.all(Array.from({ length: 4 }, () => signInWithOidc({ claims })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.user.count({ where: { oidcSubject: claims.sub } })).toBe(1);
    expect((await trail(claims.email)).filter((row) => row.action === "user.created")).toHaveLength(1);
  });
});
