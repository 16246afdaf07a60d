import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ZUpdateUser, type TUpdateUser } from "@/lib/contracts/users";
import { db } from "../db/client";
import { auditEventsFor, givenUser, system } from "@/test/fixtures/users";
import { updateUser } from "./update-user";
import { runAudited } from "../audit/run-audited";
import { untilWaitingOnLocks } from "@/test/support/locks";

const raw = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => raw.end());

const update = (id: string, input: TUpdateUser) =>
  runAudited(db, (tx) => updateUser({ tx, actor: system, id, input: ZUpdateUser.parse(input) }));
const version = (user: { updatedAt: Date | string }) => new Date(user.updatedAt).toISOString();
const activeAdmins = () => db.user.count({ where: { roles: { has: "ADMIN" }, disabled: false } });

beforeEach(async () => {
  await db.user.deleteMany();
});

describe("updateUser", () => {
  it("changes roles and audits user.updated with before and after", async () => {
    const user = await givenUser({ roles: ["OWNER"] });
    const view = await update(user.id, { roles: ["AUDITOR", "OWNER"], expectedUpdatedAt: version(user) });

    expect(view.roles).toEqual(["OWNER", "AUDITOR"]);
    expect(view.updatedAt).not.toBe(version(user));
    const events = await auditEventsFor(user.id);
    expect(events.map((e) => [e.action, e.data])).toEqual([
      ["user.updated", { changes: { roles: { before: ["OWNER"], after: ["OWNER", "AUDITOR"] } } }],
    ]);
  });

  it("records name and disabled changes in the same event", async () => {
    const user = await givenUser({ roles: ["OWNER"] });
    await update(user.id, { name: "Renamed", disabled: true, roles: ["OWNER"], expectedUpdatedAt: version(user) });
    const [event] = await auditEventsFor(user.id);
    expect(event?.data).toEqual({
      changes: { name: { before: "Fixture Person", after: "Renamed" }, disabled: { before: false, after: true } },
    });
  });

  it("refuses an edit of a stale version with 409 naming what changed since", async () => {
    const user = await givenUser({ roles: ["OWNER"] });
    await update(user.id, { roles: ["APPROVER"], expectedUpdatedAt: version(user) });

    const stale = update(user.id, { disabled: true, expectedUpdatedAt: version(user) });
    await expect(stale).rejects.toMatchObject({ code: "conflict" });
    const detail = await stale.catch((error: { detail: string }) => error.detail);
    expect(detail).toContain("roles OWNER → APPROVER (by users test");
    expect(detail).toContain('Now: name "Fixture Person", roles APPROVER, enabled.');
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).disabled).toBe(false);
    expect(await auditEventsFor(user.id)).toHaveLength(1);
  });

  it("refuses a change that changes nothing", async () => {
    const user = await givenUser({ roles: ["OWNER"] });
    await expect(update(user.id, { roles: ["OWNER"], expectedUpdatedAt: version(user) })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("answers not_found for an unknown user", async () => {
    await expect(update(randomUUID(), { disabled: true, expectedUpdatedAt: new Date().toISOString() })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("never lets the last active administrator lose the ADMIN role or be disabled", async () => {
    const admin = await givenUser({ roles: ["ADMIN"] });
    await givenUser({ roles: ["ADMIN"], disabled: true });

    await expect(update(admin.id, { roles: ["SECURITY"], expectedUpdatedAt: version(admin) })).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("is the last active administrator"),
      fieldProblems: [{ path: "roles" }],
    });
    await expect(update(admin.id, { disabled: true, expectedUpdatedAt: version(admin) })).rejects.toMatchObject({
      code: "conflict",
      fieldProblems: [{ path: "disabled" }],
    });
    expect(await activeAdmins()).toBe(1);
    expect(await auditEventsFor(admin.id)).toHaveLength(0);
    // Other edits of the last administrator still go through.
    await expect(update(admin.id, { roles: ["ADMIN", "SECURITY"], expectedUpdatedAt: version(admin) })).resolves.toMatchObject({
      roles: ["ADMIN", "SECURITY"],
    });
  });

  it("lets an administrator go while another remains", async () => {
    const a = await givenUser({ roles: ["ADMIN"] });
    await givenUser({ roles: ["ADMIN"] });
    await expect(update(a.id, { disabled: true, expectedUpdatedAt: version(a) })).resolves.toMatchObject({ disabled: true });
    expect(await activeAdmins()).toBe(1);
  });

  it("leaves one administrator when the last two are demoted at the same moment", async () => {
    const a = await givenUser({ roles: ["ADMIN"] });
    const b = await givenUser({ roles: ["ADMIN"] });

    // Hold both admin rows so both demotions start and queue before either can write.
    const blocker = await raw.connect();
    await blocker.query("BEGIN");
    await blocker.query("SELECT id FROM users WHERE id = ANY($1::uuid[]) FOR UPDATE", [[a.id, b.id]]);
    const settled = Promise.allSettled([
      update(a.id, { roles: ["OWNER"], expectedUpdatedAt: version(a) }),
      update(b.id, { disabled: true, expectedUpdatedAt: version(b) }),
    ]);
    await untilWaitingOnLocks({ pool: raw, count: 2, settled });
    await blocker.query("COMMIT");
    blocker.release();

    const results = await settled;
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(await activeAdmins()).toBe(1);
  });
});
