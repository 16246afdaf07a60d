import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { closeSqlPool, sqlPool } from "@/lib/server/db/pool";
import { givenGatedWorkflow } from "@/test/fixtures/approvals";
import { givenCatalog } from "@/test/fixtures/registry-changes";
import { eventsCounted, ingest, randomDecisions, seededRandom, storeDecisions } from "@/test/fixtures/rollups";
import { dropRawPartitionsBefore } from "./drop-raw-partitions-before";
import { ensureRawPartitions } from "./ensure-raw-partitions";
import { catchUpRollups } from "./fold-rollups";

const db = getDb();
beforeAll(() => givenCatalog());
afterAll(() => closeSqlPool());

const query = async <T extends object>(sql: string, params: unknown[] = []) => (await sqlPool().query<T>(sql, params)).rows;
const partitionOf = async (table: "decisions" | "run_events", where: string, params: unknown[]) =>
  (await query<{ part: string }>(`SELECT tableoid::regclass::text AS part FROM ${table} WHERE ${where}`, params)).map((r) => r.part);
const monthName = (at: Date) => `${at.getUTCFullYear()}_${String(at.getUTCMonth() + 1).padStart(2, "0")}`;
const event = (occurredAt: string, extra: object = {}) => ({
  id: randomUUID(),
  runId: "r1",
  type: "tool_call" as const,
  tool: "kb.search",
  occurredAt,
  ...extra,
});

describe("raw partitions", () => {
  it("partitions decisions and run events by month, from last month to three ahead, with a default for the rest", async () => {
    const parents = await query<{ table: string; strategy: string; key: string }>(`
      SELECT c.relname AS table, p.partstrat AS strategy, a.attname AS key FROM pg_partitioned_table p
      JOIN pg_class c ON c.oid = p.partrelid JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = p.partattrs[0] ORDER BY 1`);
    expect(parents).toEqual([
      { table: "decisions", strategy: "r", key: "decided_at" },
      { table: "run_events", strategy: "r", key: "occurred_at" },
    ]);
    const now = new Date();
    const months = [-1, 0, 1, 2, 3].map((i) => monthName(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1))));
    const names = (await query<{ name: string }>(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid`)).map(
      (r) => r.name,
    );
    for (const table of ["decisions", "run_events"]) {
      expect(names).toEqual(expect.arrayContaining([`${table}_default`, ...months.map((m) => `${table}_p${m}`)]));
    }
    expect(await ensureRawPartitions(db)).toBe(0);
  });

  it("stores events and decisions of any date: the far past and future in the default partition, now in its month", async () => {
    const gated = await givenGatedWorkflow();
    const now = new Date().toISOString();
    const answer = await ingest(gated, [event("1999-01-01T00:00:00Z"), event("2099-12-31T23:59:59.999Z"), event(now)]);
    expect(answer).toMatchObject({ stored: 3, rejected: 0 });
    expect((await partitionOf("run_events", "workflow_key = $1 ORDER BY occurred_at", [gated.workflow.key])).map(String)).toEqual([
      "run_events_default",
      `run_events_p${monthName(new Date())}`,
      "run_events_default",
    ]);
    const [old] = randomDecisions(seededRandom(1), gated, 1, { days: 1 }).map((d) => ({ ...d, decided_at: "1970-01-01T00:00:00Z" }));
    expect(await storeDecisions(old ? [old] : [])).toBe(1);
    expect(await partitionOf("decisions", "id = $1", [old?.id])).toEqual(["decisions_default"]);
    await catchUpRollups(db);
    expect(await eventsCounted(gated.workflow.key)).toBe(3);
  });

  it("keeps a decision id and a run event id unique across months", async () => {
    const gated = await givenGatedWorkflow();
    const [decision] = randomDecisions(seededRandom(2), gated, 1, { days: 1 });
    if (!decision) throw new Error("no decision drawn");
    expect(await storeDecisions([{ ...decision, decided_at: "2001-05-05T00:00:00Z" }])).toBe(1);
    expect(await storeDecisions([decision])).toBe(0);
    expect(await query(`SELECT 1 FROM decisions WHERE id = $1`, [decision.id])).toHaveLength(1);

    const first = event("2001-05-05T00:00:00Z");
    await ingest(gated, [first]);
    expect(await ingest(gated, [{ ...first, occurredAt: new Date().toISOString() }])).toMatchObject({ stored: 0, conflicts: 1 });
    expect(await query(`SELECT 1 FROM run_events WHERE id = $1`, [first.id])).toHaveLength(1);
  });

  it("moves a month's rows out of the default partition when the month is created, without counting them again", async () => {
    const gated = await givenGatedWorkflow();
    await ingest(gated, [event("2098-06-10T10:00:00Z"), event("2098-06-20T10:00:00Z")]);
    await catchUpRollups(db);
    const [{ created } = { created: false }] = await query<{ created: boolean }>(
      `SELECT tollgate_ensure_month_partition('run_events', '2098-06-01') AS created`,
    );
    expect(created).toBe(true);
    expect(await partitionOf("run_events", "workflow_key = $1", [gated.workflow.key])).toEqual([
      "run_events_p2098_06",
      "run_events_p2098_06",
    ]);
    await ingest(gated, [event("2098-06-21T10:00:00Z")]);
    await catchUpRollups(db);
    expect(await eventsCounted(gated.workflow.key)).toBe(3);
  });

  it("drops whole months before a cut, keeps their roll-ups and a month not yet folded, and folding goes on", async () => {
    const gated = await givenGatedWorkflow();
    for (const month of ["2003-02-01", "2003-03-01"]) {
      await query(`SELECT tollgate_ensure_month_partition('run_events', $1), tollgate_ensure_month_partition('decisions', $1)`, [month]);
    }
    await ingest(gated, [event("2003-02-03T00:00:00Z"), event("2003-02-04T00:00:00Z"), event("2002-12-24T00:00:00Z")]);
    await catchUpRollups(db);
    await ingest(gated, [event("2003-03-03T00:00:00Z")]); // not folded before the drop

    const result = await dropRawPartitionsBefore(db, new Date("2003-04-01T00:00:00Z"));
    expect(result.dropped).toEqual(expect.arrayContaining(["decisions_p2003_02", "run_events_p2003_02", "decisions_p2003_03"]));
    expect(result.kept).toEqual(["run_events_p2003_03"]);
    expect(result.defaultRowsDeleted).toBeGreaterThanOrEqual(1); // the 2002 event, outside every month
    expect(await query(`SELECT 1 FROM run_events WHERE workflow_key = $1 AND occurred_at < '2003-03-01'`, [gated.workflow.key])).toEqual(
      [],
    );

    await catchUpRollups(db);
    expect(await eventsCounted(gated.workflow.key)).toBe(4);
    await ingest(gated, [event(new Date().toISOString())]);
    await catchUpRollups(db);
    expect(await eventsCounted(gated.workflow.key)).toBe(5);
    expect((await dropRawPartitionsBefore(db, new Date("2003-04-01T00:00:00Z"))).dropped).toEqual(["run_events_p2003_03"]);
    // A month detached by a call that died before dropping it is dropped by the next one.
    await query(`SELECT tollgate_ensure_month_partition('run_events', '2003-01-01')`);
    await query(`ALTER TABLE run_events DETACH PARTITION run_events_p2003_01`);
    expect((await dropRawPartitionsBefore(db, new Date("2003-04-01T00:00:00Z"))).dropped).toEqual(["run_events_p2003_01"]);
    expect(await query(`SELECT to_regclass('run_events_p2003_01') AS t`)).toEqual([{ t: null }]);
    await expect(dropRawPartitionsBefore(db, new Date("2003-04-02T00:00:00Z"))).rejects.toThrow(/start of a UTC month/);
  });
});
