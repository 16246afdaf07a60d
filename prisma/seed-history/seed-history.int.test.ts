import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { createDb, type TDb } from "@/lib/server/db/client";
import { NotificationHub } from "@/lib/server/db/notifications";
import { ingestEvents } from "@/lib/server/events/ingest-events";
import { cloneDatabase, dropDatabase, uniqueDatabaseName } from "@/test/support/postgres";
import { seedDemoData } from "../seed";
import { principalOf } from "./history-setup";
import { seedHistory, type TSeedHistoryOptions } from "./seed-history";

const DAY = 86_400_000;
const { adminUrl, template } = inject("testDb");
const dropped: string[] = [];
afterAll(async () => {
  for (const name of dropped) await dropDatabase(adminUrl, name);
});

/** A fresh database with the demo inventory (as `npm start` seeds it), and what seeding history needs. */
async function demoDatabase() {
  const name = uniqueDatabaseName("tollgate_history");
  dropped.push(name);
  const url = await cloneDatabase(adminUrl, template, name);
  const db = createDb(url);
  await seedDemoData({ db });
  const pool = new pg.Pool({ connectionString: url, max: 6 });
  const hub = new NotificationHub(url);
  const seed = (options: Partial<TSeedHistoryOptions> = {}) => seedHistory({ db, pool, hub, ...options });
  const close = async () => {
    await hub.close();
    await pool.end();
    await db.$disconnect();
  };
  return { db, pool, seed, close };
}

const count = async (pool: pg.Pool, sql: string, params: unknown[] = []) =>
  Number((await pool.query<{ n: string }>(sql, params)).rows[0]?.n);
const reasonCounts = async (pool: pg.Pool) =>
  new Map(
    (await pool.query<{ code: string; n: string }>(`SELECT reasons->0->>'code' AS code, count(*) AS n FROM decisions GROUP BY 1`)).rows.map(
      (r) => [r.code, Number(r.n)],
    ),
  );
const totals = async (pool: pg.Pool) => ({
  decisions: await count(pool, "SELECT count(*) AS n FROM decisions"),
  events: await count(pool, "SELECT count(*) AS n FROM run_events"),
  approvals: await count(pool, "SELECT count(*) AS n FROM approval_requests"),
  killSwitches: await count(pool, "SELECT count(*) AS n FROM kill_switches"),
  audit: await count(pool, "SELECT count(*) AS n FROM audit_events"),
});

async function securityEmails(db: TDb, ids: (string | null)[]) {
  const users = await db.user.findMany({ where: { id: { in: ids.filter((id) => id !== null) } }, select: { email: true, roles: true } });
  return users.filter((u) => u.roles.includes("SECURITY")).map((u) => u.email);
}

describe("seedHistory", () => {
  it(
    "writes a month of fleet history through the gate, every kind of denial and approval among it, once",
    { timeout: 180_000 },
    async () => {
      const { db, pool, seed, close } = await demoDatabase();
      try {
        // Twelve days at 60% of the demo's volume: every incident of the month fits (their times scale
        // with the window), in a third of the time. A fixed end and seed make the history reproducible.
        const end = new Date("2026-11-27T16:20:00.000Z");
        const result = await seed({ now: end, days: 12, scale: 0.6 });
        expect(result).toMatchObject({ seeded: true, resumed: false });
        const from = end.getTime() - 12 * DAY;

        // Every denial the product names, each made by the engine for a generated call.
        const reasons = await reasonCounts(pool);
        for (const code of [
          "kill_switch_engaged",
          "workflow_not_active",
          "tool_not_allowed",
          "arguments_violate_contract",
          "arguments_violate_constraints",
          "dlp_undeclared_class",
          "model_not_approved",
          "rate_limited",
          "policy_forbids",
          "approval_denied",
          "approval_expired",
          "approval_required",
          "approval_granted",
        ]) {
          expect(reasons.get(code) ?? 0, code).toBeGreaterThan(0);
        }
        expect(reasons.get("allowed")).toBeGreaterThan(0.8 * [...reasons.values()].reduce((sum, n) => sum + n, 0));

        // Spread over the month with a weekly rhythm: weekdays busier than weekends, nothing outside the window.
        const spread = await pool.query<{ days: string; earliest: Date; latest: Date }>(
          `SELECT count(DISTINCT date_trunc('day', decided_at)) AS days, min(decided_at) AS earliest, max(decided_at) AS latest FROM decisions`,
        );
        const { days, earliest, latest } = spread.rows[0] ?? { days: "0", earliest: end, latest: end };
        expect(Number(days)).toBeGreaterThanOrEqual(12);
        expect(earliest.getTime()).toBeGreaterThanOrEqual(from);
        expect(latest.getTime()).toBeLessThanOrEqual(end.getTime());
        const perDay = await pool.query<{ weekend: boolean; n: string }>(
          `SELECT extract(isodow FROM decided_at) >= 6 AS weekend, count(*)::float / count(DISTINCT date_trunc('day', decided_at)) AS n
           FROM decisions d JOIN workflows w ON w.id = d.workflow_id WHERE w.key = 'ticket-triage' GROUP BY 1`,
        );
        const daily = Object.fromEntries(perDay.rows.map((r) => [r.weekend ? "weekend" : "weekday", Number(r.n)]));
        expect(daily.weekday).toBeGreaterThan(2 * (daily.weekend ?? 0));

        // A few busy workflows and quiet ones.
        const runs = await pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM runs WHERE workflow_id IS NOT NULL GROUP BY workflow_id ORDER BY 1 DESC`,
        );
        const perWorkflow = runs.rows.map((r) => Number(r.n));
        expect(perWorkflow.length).toBeGreaterThanOrEqual(5);
        expect(perWorkflow[0]).toBeGreaterThan(10 * (perWorkflow.at(-1) ?? 0));

        // Run events as the SDK reports them, redacted at ingestion; shadow workflows sighted.
        const types = await pool.query<{ type: string }>(`SELECT DISTINCT type FROM run_events`);
        expect(types.rows.map((r) => r.type)).toEqual(
          expect.arrayContaining(["run_started", "model_call", "tool_call", "tool_result", "run_ended", "error"]),
        );
        expect(await count(pool, `SELECT sum(redactions) AS n FROM run_events`)).toBeGreaterThan(0);
        expect(await count(pool, `SELECT count(*) AS n FROM shadow_workflows`)).toBeGreaterThanOrEqual(2);
        expect(await count(pool, `SELECT count(*) AS n FROM run_events WHERE workflow_id IS NULL`)).toBeGreaterThan(0);

        // Approvals decided by people, expired, and a few still waiting, due within the hour after the end.
        const statuses = await pool.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM approval_requests GROUP BY 1`);
        expect(statuses.rows.map((r) => r.status)).toEqual(expect.arrayContaining(["APPROVED", "DENIED", "EXPIRED", "PENDING"]));
        const waiting = await db.approvalRequest.findMany({ where: { status: "PENDING" }, select: { expiresAt: true } });
        for (const { expiresAt } of waiting) expect(expiresAt.getTime() - end.getTime()).toBeLessThanOrEqual(60 * 60_000);
        expect(await count(pool, `SELECT count(*) AS n FROM approval_votes WHERE break_glass = false`)).toBeGreaterThan(0);
        // Every approval opened by a recorded decision, as the gate opens them.
        expect(
          await count(
            pool,
            `SELECT count(*) AS n FROM approval_requests a LEFT JOIN decisions d ON d.id = a.decision_id WHERE d.id IS NULL`,
          ),
        ).toBe(0);

        // Kill switches: released ones by two different Security people, one still engaged on a narrow scope.
        const switches = await db.killSwitch.findMany({ orderBy: { engagedAt: "asc" } });
        const released = switches.filter((k) => k.releasedAt);
        expect(released.length).toBeGreaterThan(0);
        for (const k of released) {
          expect(k.releaseRequestedById).not.toBe(k.releasedById);
          expect(await securityEmails(db, [k.releaseRequestedById, k.releasedById])).toHaveLength(2);
          expect(k.engagedAt.getTime()).toBeGreaterThanOrEqual(from);
        }
        const engaged = switches.filter((k) => !k.releasedAt);
        expect(engaged).toHaveLength(1);
        expect(engaged[0]?.scope).not.toBe("GLOBAL");

        expect(await verifyAuditChain({ db })).toMatchObject({ ok: true });
        expect(await count(pool, `SELECT count(*) AS n FROM decision_record_failures`)).toBe(0);

        // Seeding again writes nothing.
        const before = await totals(pool);
        expect(await seed({ days: 12, scale: 0.6 })).toMatchObject({ seeded: false });
        expect(await totals(pool)).toEqual(before);
      } finally {
        await close();
      }
    },
  );

  it("resumes an interrupted seeding after the last day it finished, without writing those days twice", { timeout: 120_000 }, async () => {
    const { db, pool, seed, close } = await demoDatabase();
    try {
      const stop = new AbortController();
      const end = new Date();
      const first = await seed({
        now: end,
        days: 10,
        scale: 0.2,
        onProgress: ({ daysDone }) => daysDone === 3 && stop.abort(),
        signal: stop.signal,
      });
      expect(first).toMatchObject({ seeded: false });
      expect(await db.demoHistory.findUniqueOrThrow({ where: { id: "demo" } })).toMatchObject({ daysDone: 3, finishedAt: null });
      const boundary = new Date(end.getTime() - 7 * DAY);
      // What the first three days' runs decided and reported (a run may outlast its day, waiting on people).
      const ofEarlyRuns = async () => ({
        decisions: await count(
          pool,
          `SELECT count(*) AS n FROM decisions d JOIN runs r ON r.external_id = d.run_id WHERE r.started_at < $1`,
          [boundary],
        ),
        events: await count(pool, `SELECT count(*) AS n FROM run_events e JOIN runs r ON r.id = e.run_id WHERE r.started_at < $1`, [
          boundary,
        ]),
      });
      const written = await ofEarlyRuns();
      expect(written.decisions).toBeGreaterThan(0);
      expect(await count(pool, `SELECT count(*) AS n FROM runs WHERE started_at >= $1`, [boundary])).toBe(0);

      // A later start (even with other wishes) finishes the window the first one began, at its volume.
      const second = await seed({ now: new Date(end.getTime() + DAY), days: 30, scale: 5 });
      expect(second).toMatchObject({ seeded: true, resumed: true });
      expect(await ofEarlyRuns()).toEqual(written);
      // Seven more days at the first part's volume, not at the scale the second call asked for.
      const earlyRuns = await count(pool, `SELECT count(*) AS n FROM runs WHERE started_at < $1`, [boundary]);
      const laterRuns = await count(pool, `SELECT count(*) AS n FROM runs WHERE started_at >= $1`, [boundary]);
      expect(laterRuns).toBeGreaterThan(0);
      expect(laterRuns / 7).toBeLessThan((3 * earlyRuns) / 3);
      expect(await count(pool, `SELECT count(*) AS n FROM decisions WHERE decided_at > $1`, [end])).toBe(0);
      expect((await db.demoHistory.findUniqueOrThrow({ where: { id: "demo" } })).finishedAt).not.toBeNull();
    } finally {
      await close();
    }
  });

  it("leaves a database without the demo inventory alone", async () => {
    const { db, pool, seed, close } = await demoDatabase();
    try {
      await db.user.updateMany({ where: { email: "admin@tollgate.local" }, data: { email: "ada@example.com" } });
      expect(await seed()).toEqual({ seeded: false, why: "this is not a demo database" });
      expect(await count(pool, "SELECT count(*) AS n FROM demo_history")).toBe(0);
    } finally {
      await close();
    }
  });

  it("leaves a demo database that already has traffic of its own alone", async () => {
    const { db, pool, seed, close } = await demoDatabase();
    try {
      const principal = await principalOf(db, "ticket-triage");
      if (!principal) throw new Error("the demo inventory has no ticket-triage token");
      const event = { id: randomUUID(), runId: "real-run", type: "run_started", occurredAt: new Date().toISOString() };
      await ingestEvents({ db, pool, principal, events: [event] });
      expect(await seed()).toMatchObject({ seeded: false, why: expect.stringContaining("already has decisions or run events") });
      expect(await count(pool, "SELECT count(*) AS n FROM run_events")).toBe(1);
    } finally {
      await close();
    }
  });
});
