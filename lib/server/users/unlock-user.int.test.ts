import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { auditEventsFor, givenUser, system } from "@/test/fixtures/users";
import { unlockUser } from "./unlock-user";
import { runAudited } from "../audit/run-audited";

beforeEach(async () => {
  await db.user.deleteMany();
  await db.signInThrottle.deleteMany();
});

describe("unlockUser", () => {
  it("clears the account's counters from every address and account-wide, audits what it cleared, and leaves others", async () => {
    const { id, email } = await givenUser({ roles: ["OWNER"] });
    const now = new Date();
    const blockedUntil = new Date(now.getTime() + 15 * 60_000);
    await db.signInThrottle.createMany({
      data: [
        { key: `account:${email}`, failures: 100, windowStartedAt: now, blockedUntil },
        { key: `account_address:${email}|198.51.100.7`, failures: 3, windowStartedAt: now, blockedUntil: null },
        { key: "account:someone-else@example.test", failures: 2, windowStartedAt: now },
        { key: "address:198.51.100.7", failures: 5, windowStartedAt: now },
      ],
    });
    const view = await runAudited(db, (tx) => unlockUser({ tx, actor: system, id }));

    expect(view).toMatchObject({ failedSignIns: 0, locked: false, lockedUntil: null });
    expect((await db.signInThrottle.findMany({ orderBy: { key: "asc" } })).map((t) => t.key)).toEqual([
      "account:someone-else@example.test",
      "address:198.51.100.7",
    ]);
    const events = await auditEventsFor(id);
    expect(events.map((e) => e.action)).toEqual(["user.unlocked"]);
    expect(events[0]?.data).toEqual({
      cleared: [
        { key: `account:${email}`, failures: 100, blockedUntil: blockedUntil.toISOString() },
        { key: `account_address:${email}|198.51.100.7`, failures: 3, blockedUntil: null },
      ],
    });
  });

  it("answers not_found for an unknown user", async () => {
    await expect(runAudited(db, (tx) => unlockUser({ tx, actor: system, id: randomUUID() }))).rejects.toMatchObject({ code: "not_found" });
  });
});
