import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { TAuditActor } from "@/lib/contracts/audit";
import { db } from "../db/client";
import { recordAuditEvent } from "./record-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";
import { runAudited } from "./run-audited";

const actor: TAuditActor = { type: "system", id: null, label: "test" };
const raw = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => raw.end());

async function appendEvents(count: number) {
  for (let i = 0; i < count; i++) {
    await runAudited(db, (tx) => recordAuditEvent(tx, actor, { action: "user.unlocked", target: { type: "user", id: `u${i}` }, data: {} }));
  }
}

/** Tampering needs the append-only triggers off, as an attacker with table ownership would do. */
async function tamper(sql: string) {
  await raw.query("ALTER TABLE audit_events DISABLE TRIGGER USER");
  try {
    await raw.query(sql);
  } finally {
    await raw.query("ALTER TABLE audit_events ENABLE TRIGGER USER");
  }
}

beforeEach(async () => {
  await tamper("DELETE FROM audit_events");
});

describe("audit log", () => {
  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await appendEvents(1);
    await expect(raw.query("UPDATE audit_events SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(raw.query("DELETE FROM audit_events")).rejects.toThrow(/append-only/);
    await expect(raw.query("TRUNCATE audit_events")).rejects.toThrow(/append-only/);
    expect((await raw.query("SELECT count(*)::int AS n FROM audit_events")).rows[0].n).toBe(1);
  });

  it("verifies an intact chain", async () => {
    await appendEvents(5);
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: true, checked: 5, firstBreak: null });
  });

  it("catches an edited row", async () => {
    await appendEvents(5);
    await tamper(`UPDATE audit_events SET data = '{"forged":true}' WHERE seq = 3`);
    const verdict = await verifyAuditChain({ db });
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBreak).toMatchObject({ seq: "3" });
    expect(verdict.firstBreak?.problem).toMatch(/does not match its own hash/);
  });

  it("catches a deleted row", async () => {
    await appendEvents(5);
    await tamper("DELETE FROM audit_events WHERE seq = 2");
    const verdict = await verifyAuditChain({ db });
    expect(verdict).toMatchObject({ ok: false, checked: 1, firstBreak: { seq: "2" } });
    expect(verdict.firstBreak?.problem).toMatch(/missing/);
  });

  it("catches a deleted first row", async () => {
    await appendEvents(3);
    await tamper("DELETE FROM audit_events WHERE seq = 1");
    expect((await verifyAuditChain({ db })).firstBreak).toMatchObject({ seq: "1" });
  });

  it("catches reordered rows", async () => {
    await appendEvents(5);
    await tamper(
      "UPDATE audit_events SET seq = -2 WHERE seq = 2; UPDATE audit_events SET seq = 2 WHERE seq = 4; UPDATE audit_events SET seq = 4 WHERE seq = -2",
    );
    const verdict = await verifyAuditChain({ db });
    expect(verdict).toMatchObject({ ok: false, firstBreak: { seq: "2" } });
  });

  it("catches a re-hashed row whose link no longer holds", async () => {
    await appendEvents(4);
    await tamper("UPDATE audit_events SET prev_hash = repeat('a', 64) WHERE seq = 3");
    const verdict = await verifyAuditChain({ db });
    expect(verdict.firstBreak?.seq).toBe("3");
    expect(verdict.firstBreak?.problem).toMatch(/does not link/);
  });

  it("keeps one valid chain under concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        runAudited(db, (tx) => recordAuditEvent(tx, actor, { action: "user.unlocked", target: { type: "user", id: `c${i}` }, data: {} })),
      ),
    );
    expect(await verifyAuditChain({ db })).toMatchObject({ ok: true, checked: 40 });
  });

  it("writes nothing when the surrounding transaction fails", async () => {
    await expect(
      runAudited(db, async (tx) => {
        await recordAuditEvent(tx, actor, { action: "user.unlocked", data: {} });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("rejects an event that does not match its typed schema", async () => {
    await expect(
      runAudited(db, (tx) => recordAuditEvent(tx, actor, { action: "user.roles.changed", data: { before: ["ROOT"], after: [] } } as never)),
    ).rejects.toThrow();
    expect(await db.auditEvent.count()).toBe(0);
  });
});

describe("audit outside runAudited", () => {
  it("refuses to record an event in a transaction that would never write it", async () => {
    await expect(db.$transaction((tx) => recordAuditEvent(tx, actor, { action: "user.unlocked", data: {} }))).rejects.toThrow(
      /outside runAudited/,
    );
  });
});
