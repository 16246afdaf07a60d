import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ZUpdateUser, type TUpdateUser } from "@/lib/contracts/users";
import type { TRole } from "@/lib/contracts/roles";
import { runAudited } from "../audit/run-audited";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { db } from "../db/client";
import { endSessionsOfUser } from "../users/end-sessions-of-user";
import { updateUser } from "../users/update-user";
import { endUserSessions } from "./end-user-sessions";
import { readSessionUser } from "./read-session-user";
import { startSession } from "./start-session";

const admin = { type: "system", id: null, label: "sessions test" } as const;

afterAll(async () => {
  expect(await verifyAuditChain({ db })).toMatchObject({ ok: true });
});

async function givenUser(roles: TRole[] = ["OWNER", "APPROVER"]) {
  return db.user.create({
    data: { email: `s-${randomUUID()}@example.test`, name: "Session Person", roles },
    select: { id: true, updatedAt: true },
  });
}

const open = (userId: string, now = new Date()) => runAudited(db, (tx) => startSession({ tx, userId, method: "password", now }));
const read = (sessionId: string, userId: string, now?: Date) => readSessionUser({ sessionId, userId, now });
const row = (id: string) => db.userSession.findUniqueOrThrow({ where: { id } });
const update = (id: string, input: TUpdateUser) =>
  runAudited(db, (tx) => updateUser({ tx, actor: admin, id, input: ZUpdateUser.parse(input) }));
const endedEvents = (userId: string) =>
  db.auditEvent
    .findMany({ where: { action: "auth.sessions.ended", targetId: userId }, orderBy: { seq: "asc" } })
    .then((rows) => rows.map((r) => r.data));

describe("server-side sessions", () => {
  it("reads the user of a live session, and nobody for another user's id or an unknown session", async () => {
    const user = await givenUser();
    const other = await givenUser();
    const sid = await open(user.id);
    expect(await read(sid, user.id)).toMatchObject({ id: user.id, roles: ["OWNER", "APPROVER"] });
    expect(await read(sid, other.id)).toBeNull();
    expect(await read("x".repeat(43), user.id)).toBeNull();
  });

  it("ends one session at sign-out, leaving the user's other sessions", async () => {
    const user = await givenUser();
    const [a, b] = [await open(user.id), await open(user.id)];
    await runAudited(db, (tx) => endUserSessions({ tx, actor: admin, userId: user.id, sessionId: a, reason: "signed_out" }));
    expect(await read(a, user.id)).toBeNull();
    expect(await read(b, user.id)).not.toBeNull();
    expect(await row(a)).toMatchObject({ endReason: "SIGNED_OUT", endedAt: expect.any(Date) });
    expect(await endedEvents(user.id)).toEqual([{ reason: "signed_out", sessions: 1 }]);
  });

  it("ends an idle session on its next request, and audits it", async () => {
    const user = await givenUser();
    const sid = await open(user.id, new Date(Date.now() - 31 * 60_000));
    expect(await read(sid, user.id)).toBeNull();
    expect(await row(sid)).toMatchObject({ endReason: "IDLE" });
    expect(await endedEvents(user.id)).toEqual([{ reason: "idle", sessions: 1 }]);
  });

  it("keeps a session alive while it is used, moving last seen at most once a minute", async () => {
    const user = await givenUser();
    const start = new Date();
    const sid = await open(user.id, start);
    await read(sid, user.id, new Date(start.getTime() + 59_000));
    expect((await row(sid)).lastSeenAt).toEqual(start);
    const later = new Date(start.getTime() + 29 * 60_000);
    expect(await read(sid, user.id, later)).not.toBeNull();
    expect((await row(sid)).lastSeenAt).toEqual(later);
    // 29 + 29 minutes from the start, but only 29 idle: still alive.
    expect(await read(sid, user.id, new Date(later.getTime() + 29 * 60_000))).not.toBeNull();
  });

  it("ends a session past its absolute 8 hours however active", async () => {
    const user = await givenUser();
    const sid = await open(user.id, new Date(Date.now() - 8 * 60 * 60_000 - 1_000));
    await db.userSession.update({ where: { id: sid }, data: { lastSeenAt: new Date() } });
    expect(await read(sid, user.id)).toBeNull();
    expect(await row(sid)).toMatchObject({ endReason: "EXPIRED" });
  });

  it("ends every session when an administrator disables the user, in the update's transaction", async () => {
    const user = await givenUser();
    const [a, b] = [await open(user.id), await open(user.id)];
    await update(user.id, { disabled: true, expectedUpdatedAt: user.updatedAt.toISOString() });
    expect([await read(a, user.id), await read(b, user.id)]).toEqual([null, null]);
    expect((await row(a)).endReason).toBe("USER_DISABLED");
    expect(await endedEvents(user.id)).toEqual([{ reason: "user_disabled", sessions: 2 }]);
  });

  it("ends every session when a role is removed, but not when one is only added", async () => {
    const user = await givenUser(["OWNER"]);
    const sid = await open(user.id);
    const added = await update(user.id, { roles: ["OWNER", "APPROVER"], expectedUpdatedAt: user.updatedAt.toISOString() });
    expect(await read(sid, user.id)).toMatchObject({ roles: added.roles });
    await update(user.id, { roles: ["APPROVER"], expectedUpdatedAt: added.updatedAt });
    expect(await read(sid, user.id)).toBeNull();
    expect(await endedEvents(user.id)).toEqual([{ reason: "role_removed", sessions: 1 }]);
  });

  it("leaves sessions open when a refused update rolls back", async () => {
    const user = await givenUser();
    const sid = await open(user.id);
    await expect(update(user.id, { disabled: true, expectedUpdatedAt: new Date(0).toISOString() })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await read(sid, user.id)).not.toBeNull();
  });

  it("signs a user out everywhere at an administrator's request, leaving other users signed in", async () => {
    const user = await givenUser();
    const bystander = await givenUser();
    const [a, b, c] = [await open(user.id), await open(user.id), await open(bystander.id)];
    expect(await runAudited(db, (tx) => endSessionsOfUser({ tx, actor: admin, id: user.id }))).toEqual({ sessions: 2 });
    expect([await read(a, user.id), await read(b, user.id)]).toEqual([null, null]);
    expect(await read(c, bystander.id)).not.toBeNull();
    expect(await endedEvents(user.id)).toEqual([{ reason: "revoked", sessions: 2 }]);
    await expect(runAudited(db, (tx) => endSessionsOfUser({ tx, actor: admin, id: randomUUID() }))).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
