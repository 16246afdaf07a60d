import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { until } from "@/test/support/until";
import { generateServiceToken } from "../../auth/service-token-secret";
import { db } from "../../db/client";
import { DecisionLog } from "./decision-log";
import type { TDecisionRow } from "./decision-row";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
afterAll(() => pool.end());

async function givenWorkflowAndToken(): Promise<{ workflowId: string; tokenId: string }> {
  const owner = await db.user.create({ data: { email: `owner-${randomUUID()}@example.test`, name: "Owner", roles: ["OWNER"] } });
  const workflow = await db.workflow.create({
    data: {
      key: `wf-${randomUUID().slice(0, 8)}`,
      name: "Logged",
      purpose: "Decision log test",
      environment: "PROD",
      status: "ACTIVE",
      ownerId: owner.id,
    },
  });
  const { prefix, tokenHash } = generateServiceToken();
  const token = await db.serviceToken.create({
    data: {
      workflowId: workflow.id,
      name: "t",
      prefix,
      tokenHash,
      scopes: ["DECIDE"],
      environment: "PROD",
      expiresAt: new Date(Date.now() + 60_000),
      createdById: owner.id,
    },
  });
  return { workflowId: workflow.id, tokenId: token.id };
}

const row = (ids: { workflowId: string; tokenId: string }): TDecisionRow => ({
  id: randomUUID(),
  workflow_id: ids.workflowId,
  token_id: ids.tokenId,
  run_id: "run-1",
  tool: "kb.search",
  model: "a/b/c",
  data_classes: [],
  outcome: "ALLOW",
  tier: "T0",
  reasons: [{ rule: 10, code: "allowed", message: "Allowed" }],
  registry_version: "r1.v1",
  arguments_hash: "0".repeat(64),
  approval_id: null,
  decided_at: new Date().toISOString(),
});

describe("the decision log (group commit)", () => {
  it("has every appended decision committed when flush resolves, however many batches that takes", async () => {
    const ids = await givenWorkflowAndToken();
    const log = new DecisionLog(pool);
    // Several batches' worth, appended while the first batches are being written.
    for (let i = 0; i < 1_234; i++) log.append(row(ids));
    await log.flush();
    expect(log.pending).toBe(0);
    expect(await db.decision.count({ where: { workflowId: ids.workflowId } })).toBe(1_234);
  });

  it("isolates rows Postgres refuses: every other decision is recorded, each refused one in decision_record_failures", async () => {
    const ids = await givenWorkflowAndToken();
    const log = new DecisionLog(pool);
    const good = Array.from({ length: 1_200 }, () => row(ids));
    // Past any edge check: a NUL in a string (22P05) and a token that does not exist (23503).
    const nul = { ...row(ids), run_id: "run-\u0000-poisoned" };
    const orphan = { ...row(ids), token_id: randomUUID() };
    good.forEach((r, i) => {
      log.append(r);
      if (i === 250) log.append(nul);
      if (i === 900) log.append(orphan);
    });
    await log.flush();

    expect(log.pending).toBe(0);
    expect(log.accepts()).toBe(true);
    expect(log.refused).toBe(2);
    const recorded = await db.decision.findMany({ where: { workflowId: ids.workflowId }, select: { id: true } });
    expect(new Set(recorded.map((r) => r.id))).toEqual(new Set(good.map((r) => r.id)));
    const failures = await db.decisionRecordFailure.findMany({ where: { workflowId: ids.workflowId }, orderBy: { sqlstate: "asc" } });
    expect(failures.map((f) => [f.decisionId, f.sqlstate])).toEqual([
      [nul.id, "22P05"],
      [orphan.id, "23503"],
    ]);
    expect(failures[0]?.reason).toContain("Postgres refused the decision row (22P05)");
    // The row as the gate tried to write it, bytes and all.
    expect(JSON.parse(Buffer.from(failures[0]?.payload ?? []).toString("utf8"))).toEqual(nul);
  });

  it("keeps retrying a batch Postgres refuses wholesale, refuses new decisions after the bound, and recovers", async () => {
    const ids = await givenWorkflowAndToken();
    const log = new DecisionLog(pool, 300);
    // What a REVOKE INSERT answers (42501), for every row alike: not a data error, so nothing is dropped.
    await pool.query(
      `CREATE FUNCTION refuse_decisions() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'permission denied for table decisions' USING ERRCODE = '42501'; END $$`,
    );
    await pool.query(`CREATE TRIGGER refuse_decisions BEFORE INSERT ON decisions FOR EACH STATEMENT EXECUTE FUNCTION refuse_decisions()`);
    try {
      const rows = Array.from({ length: 30 }, () => row(ids));
      for (const r of rows) log.append(r);
      await expect(log.flush()).rejects.toThrow(/permission denied/);
      await until(() => !log.accepts(), { what: "the log to refuse new decisions" });
      expect(log.health()).toMatchObject({ recording: false, unrecorded: 30 });
      expect(log.health().problem).toMatch(
        /^Postgres refuses to record decisions for \d+ s; the gate denies every call until a write succeeds$/,
      );
      expect(log.refused).toBe(0);
    } finally {
      await pool.query("DROP TRIGGER refuse_decisions ON decisions");
      await pool.query("DROP FUNCTION refuse_decisions()");
    }
    await until(() => log.pending === 0 && log.accepts(), { what: "the retries to land", timeoutMs: 10_000 });
    expect(log.health()).toEqual({ recording: true, problem: null, unrecorded: 0 });
    expect(await db.decision.count({ where: { workflowId: ids.workflowId } })).toBe(30);
    expect(await db.decisionRecordFailure.count({ where: { workflowId: ids.workflowId } })).toBe(0);
  });

  it("refuses new decisions when one write hangs past the bound (a locked table)", async () => {
    const ids = await givenWorkflowAndToken();
    const log = new DecisionLog(pool, 300);
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE decisions IN ACCESS EXCLUSIVE MODE");
      log.append(row(ids));
      await until(() => !log.accepts(), { what: "the hanging write to stop new decisions" });
      expect(log.health().problem).toMatch(/^a write of decisions has not completed for \d+ s/);
      await locker.query("ROLLBACK");
    } finally {
      await locker.end();
    }
    await log.flush();
    expect(log.accepts()).toBe(true);
    expect(await db.decision.count({ where: { workflowId: ids.workflowId } })).toBe(1);
  });

  it("records, apart, a T0/T1 decision whose id another instance already recorded for a different call", async () => {
    const ids = await givenWorkflowAndToken();
    const [first, second] = [new DecisionLog(pool), new DecisionLog(pool)];
    const original = row(ids);
    first.append(original);
    await first.flush();
    const retried = { ...original, decided_at: new Date().toISOString() };
    const reused = { ...original, tool: "stripe.refund", arguments_hash: "1".repeat(64) };
    second.append(retried);
    second.append(reused);
    second.append(reused);
    await second.flush();
    await second.flush();

    expect(await db.decision.findFirstOrThrow({ where: { id: original.id } })).toMatchObject({ tool: "kb.search" });
    // The same call decided twice is one decision; the different call is kept, once, as a failure.
    const failures = await db.decisionRecordFailure.findMany({ where: { decisionId: original.id } });
    expect(failures).toHaveLength(1);
    expect(failures[0]?.reason).toBe(
      "decisionId already recorded for a different call (to kb.search); this call was to stripe.refund and is recorded only here",
    );
    expect(JSON.parse(Buffer.from(failures[0]?.payload ?? []).toString("utf8"))).toEqual(reused);
  });
});
