import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { closeSqlPool } from "@/lib/server/db/pool";
import { readRollupFreshness } from "@/lib/server/rollups/read-rollup-freshness";
import { givenGatedWorkflow } from "@/test/fixtures/approvals";
import { givenCatalog } from "@/test/fixtures/registry-changes";
import { eventsCounted, ingest } from "@/test/fixtures/rollups";
import { until } from "@/test/support/until";
import { BACKGROUND_JOBS } from "./background-jobs";
import { rollupWorker } from "./rollup-worker";

const db = getDb();
beforeAll(() => givenCatalog());
afterAll(() => closeSqlPool());

describe("the roll-up worker", () => {
  it("is one of the server's jobs and folds newly stored events within seconds, until stopped", async () => {
    expect(BACKGROUND_JOBS).toContain(rollupWorker);
    const gated = await givenGatedWorkflow();
    await ingest(gated, [{ id: randomUUID(), runId: "r1", type: "run_started", occurredAt: new Date().toISOString() }]);
    expect((await readRollupFreshness(db)).pendingRows).toBe(1);
    const stop = rollupWorker.start();
    try {
      await until(async () => (await eventsCounted(gated.workflow.key)) === 1, { what: "the event to be folded", timeoutMs: 10_000 });
      expect(await readRollupFreshness(db)).toMatchObject({ pendingRows: 0, ageMs: expect.any(Number) as number });
    } finally {
      stop();
    }
  });
});
