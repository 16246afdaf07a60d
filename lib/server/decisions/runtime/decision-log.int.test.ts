import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { generateServiceToken } from "../../auth/service-token-secret";
import { db } from "../../db/client";
import { DecisionLog } from "./decision-log";
import type { TDecisionRow } from "./decision-row";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
afterAll(() => pool.end());

async function givenWorkflowAndToken(): Promise<{ workflowId: string; tokenId: string }> {
  const owner = await db.user.create({ data: { email: `owner-${randomUUID()}@example.test`, name: "Owner", roles: ["OWNER"] } });
  const workflow = await db.workflow.create({ data: { key: `wf-${randomUUID().slice(0, 8)}`, name: "Logged", purpose: "Decision log test", environment: "PROD", status: "ACTIVE", ownerId: owner.id } });
  const { prefix, tokenHash } = generateServiceToken();
  const token = await db.serviceToken.create({ data: { workflowId: workflow.id, name: "t", prefix, tokenHash, scopes: ["DECIDE"], environment: "PROD", expiresAt: new Date(Date.now() + 60_000), createdById: owner.id } });
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
});
