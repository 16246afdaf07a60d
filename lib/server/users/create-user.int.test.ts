import { beforeEach, describe, expect, it } from "vitest";
import { ZCreateUser } from "@/lib/contracts/users";
import { verifyPassword } from "../auth/password";
import { db } from "../db/client";
import { createUser } from "./create-user";
import { listUsers } from "./list-users";
import { auditEventsFor, system } from "@/test/fixtures/users";
import { runAudited } from "../audit/run-audited";

const input = (email: string) =>
  ZCreateUser.parse({ email, name: "New Person", password: "correct horse battery", roles: ["OWNER", "APPROVER"] });
const create = (email: string) => runAudited(db, (tx) => createUser({ tx, actor: system, input: input(email) }));

beforeEach(async () => {
  await db.user.deleteMany();
});

describe("createUser", () => {
  it("creates the user with a hashed password and audits user.created", async () => {
    const user = await create("  New.Person@Example.test ");
    expect(user).toMatchObject({
      email: "new.person@example.test",
      name: "New Person",
      roles: ["APPROVER", "OWNER"],
      disabled: false,
      ssoOnly: false,
    });
    expect(user).not.toHaveProperty("passwordHash");

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword({ hash: stored.passwordHash, password: "correct horse battery" })).toBe(true);

    const [event, ...rest] = await auditEventsFor(user.id);
    expect(rest).toHaveLength(0);
    expect(event).toMatchObject({
      action: "user.created",
      actorLabel: "users test",
      data: { email: "new.person@example.test", name: "New Person", roles: ["APPROVER", "OWNER"], source: "admin" },
    });
  });

  it("refuses a duplicate email, whatever its case, with 409 on the email field and writes nothing", async () => {
    await create("taken@example.test");
    const auditBefore = await db.auditEvent.count();
    await expect(create("TAKEN@example.test")).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("taken@example.test already exists"),
      fieldProblems: [{ path: "email", message: "This email is already in use" }],
    });
    expect(await db.user.count()).toBe(1);
    expect(await db.auditEvent.count()).toBe(auditBefore);
  });

  it("lets exactly one of two simultaneous creations of one email through", async () => {
    const results = await Promise.allSettled([create("race@example.test"), create("race@example.test")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(await db.user.count({ where: { email: "race@example.test" } })).toBe(1);
  });

  it("never lists password hashes", async () => {
    await create("listed@example.test");
    const { users } = await listUsers();
    expect(users.map((u) => u.email)).toEqual(["listed@example.test"]);
    expect(JSON.stringify(users)).not.toContain("argon2");
  });
});

describe("ZCreateUser", () => {
  it("asks for a 12-character password and at least one role", () => {
    const parsed = ZCreateUser.safeParse({ email: "a@example.test", name: "A", password: "short", roles: [] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["password", "roles"]);
  });
});
