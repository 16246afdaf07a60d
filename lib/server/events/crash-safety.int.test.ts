import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { seedDemoData } from "@/prisma/seed";
import { startAppProcess, type TAppProcess } from "@/test/support/app-process";
import { mintServiceToken } from "@/test/support/runtime-server";

const db = getDb();
let token: string;
let app: TAppProcess | null = null;

beforeAll(async () => {
  await seedDemoData({ db });
  token = await mintServiceToken(db);
});
afterAll(async () => app?.stop());

const BATCHES = 40;
const PER_BATCH = 200;

const batches = Array.from({ length: BATCHES }, (_, b) =>
  Array.from({ length: PER_BATCH }, (_, i) => ({
    id: randomUUID(),
    runId: `crash-run-${b % 5}`,
    type: "tool_result",
    occurredAt: new Date().toISOString(),
    tool: "zendesk.ticket.read",
    outcome: "success",
    latencyMs: i,
    data: { output: `ticket ${b}-${i} for someone@example.com` },
  })),
);

async function send(url: string, events: unknown[]): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ events }),
    });
    return res.status === 200;
  } catch {
    return false;
  }
}

describe("crash safety", () => {
  it("keeps every acknowledged event through a kill -9, and retries after the restart add no duplicates", async () => {
    app = await startAppProcess(process.env.DATABASE_URL ?? "");
    const acked = new Set<number>();
    let next = 0;
    let killed = false;
    const sender = async (target: TAppProcess) => {
      while (next < BATCHES && !killed) {
        const b = next++;
        if (await send(target.url, batches[b] ?? [])) acked.add(b);
      }
    };
    const first = app;
    const senders = [sender(first), sender(first), sender(first), sender(first)];
    // Kill while batches are in flight, once a few have been acknowledged.
    while (acked.size < 5) await new Promise((resolve) => setImmediate(resolve));
    killed = true;
    await first.kill9();
    await Promise.all(senders);
    const ackedBeforeCrash = [...acked];

    // Every acknowledged event is in the database, before any retry.
    const ackedIds = ackedBeforeCrash.flatMap((b) => (batches[b] ?? []).map((e) => e.id));
    expect(await db.runEvent.count({ where: { id: { in: ackedIds } } })).toBe(ackedIds.length);

    // The client retries everything it has no acknowledgement for — and, to be sure, the acknowledged ones too.
    app = await startAppProcess(process.env.DATABASE_URL ?? "");
    for (let b = 0; b < BATCHES; b++) expect(await send(app.url, batches[b] ?? [])).toBe(true);
    expect(await db.runEvent.count()).toBe(BATCHES * PER_BATCH);
    const counted = await db.run.aggregate({ _sum: { eventCount: true }, where: { externalId: { startsWith: "crash-run-" } } });
    expect(counted._sum.eventCount).toBe(BATCHES * PER_BATCH);
  }, 60_000);

  it("keeps a kill switch engaged across a restart", async () => {
    const ciso = await db.user.findUniqueOrThrow({ where: { email: "ciso@tollgate.local" } });
    await db.killSwitch.create({
      data: {
        scope: "WORKFLOW",
        target: "support-refunds",
        reason: "drill before restart",
        engagedById: ciso.id,
        engagedByType: "user",
        engagedByLabel: ciso.email,
      },
    });
    await app?.kill9();
    app = await startAppProcess(process.env.DATABASE_URL ?? "");
    const res = await fetch(`${app.url}/api/v1/decisions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        runId: "r",
        tool: "zendesk.ticket.read",
        arguments: { ticketId: "ZD-1" },
        dataClasses: ["support-tickets"],
        model: "anthropic/claude-sonnet-4-5/2025-09-29",
      }),
    });
    const body = (await res.json()) as { outcome: string; reasons: { code: string; message: string }[] };
    expect(body.outcome).toBe("deny");
    expect(body.reasons[0]).toMatchObject({ code: "kill_switch_engaged" });
    expect(body.reasons[0]?.message).toContain("drill before restart");
  }, 30_000);
});
