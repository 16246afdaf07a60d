import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { auditEventsFor, givenUser, system } from "./test-fixtures";
import { unlockUser } from "./unlock-user";
import { runAudited } from "../audit/run-audited";

beforeEach(async () => {
  await db.user.deleteMany();
});

describe("unlockUser", () => {
  it("clears the lockout, the throttle and the failure count, and audits what it cleared", async () => {
    const { id } = await givenUser({ roles: ["OWNER"] });
    const lockedUntil = new Date(Date.now() + 15 * 60_000);
    const nextAttemptAt = new Date(Date.now() + 60_000);
    await db.user.update({ where: { id }, data: { failedSignIns: 5, lockedUntil, nextAttemptAt } });

    const view = await runAudited(db, (tx) => unlockUser({ tx, actor: system, id }));

    expect(view).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    const stored = await db.user.findUniqueOrThrow({ where: { id }, select: { failedSignIns: true, lockedUntil: true, nextAttemptAt: true } });
    expect(stored).toEqual({ failedSignIns: 0, lockedUntil: null, nextAttemptAt: null });
    const events = await auditEventsFor(id);
    expect(events.map((e) => e.action)).toEqual(["user.unlocked"]);
    expect(events[0]?.data).toEqual({
      before: { failedSignIns: 5, lockedUntil: lockedUntil.toISOString(), nextAttemptAt: nextAttemptAt.toISOString() },
    });
  });

  it("answers not_found for an unknown user", async () => {
    await expect(runAudited(db, (tx) => unlockUser({ tx, actor: system, id: randomUUID() }))).rejects.toMatchObject({ code: "not_found" });
  });
});
