import { beforeAll, describe, expect, it } from "vitest";
import { ZAuditEventsQuery, type TAuditActor, type TAuditEventsQuery } from "@/lib/contracts/audit";
import { db } from "../db/client";
import { listAuditEvents } from "./list-audit-events";
import { recordAuditEvent } from "./record-audit-event";
import { runAudited } from "./run-audited";

const alice: TAuditActor = { type: "user", id: "11111111-1111-4111-8111-111111111111", label: "alice@example.test" };
const bob: TAuditActor = { type: "user", id: "22222222-2222-4222-8222-222222222222", label: "bob@example.test" };
const list = (query: TAuditEventsQuery) => listAuditEvents({ query: ZAuditEventsQuery.parse(query) });
const seqs = (page: { events: { seq: string }[] }) => page.events.map((e) => Number(e.seq));

// Seven events: seq 1..7, alternating actors, users u1..u7.
beforeAll(async () => {
  for (let i = 1; i <= 7; i++) {
    const actor = i % 2 ? alice : bob;
    await runAudited(db, (tx) =>
      i === 4
        ? recordAuditEvent(tx, actor, { action: "auth.sign_out", target: { type: "user", id: `u${i}` }, data: {} })
        : recordAuditEvent(tx, actor, { action: "user.unlocked", target: { type: "user", id: `u${i}` }, data: {} }),
    );
  }
});

describe("listAuditEvents", () => {
  it("pages newest first until the cursor runs out", async () => {
    const first = await list({ limit: 3 });
    expect(seqs(first)).toEqual([7, 6, 5]);
    expect(first.nextCursor).toBe("5");
    const second = await list({ limit: 3, cursor: first.nextCursor ?? undefined });
    expect(seqs(second)).toEqual([4, 3, 2]);
    const third = await list({ limit: 3, cursor: second.nextCursor ?? undefined });
    expect(seqs(third)).toEqual([1]);
    expect(third.nextCursor).toBeNull();
  });

  it("says there is no next page when the last page is exactly full", async () => {
    expect((await list({ limit: 7 })).nextCursor).toBeNull();
  });

  it("filters by exact action or by an action prefix", async () => {
    expect(seqs(await list({ action: "auth.sign_out" }))).toEqual([4]);
    expect(seqs(await list({ action: "user." }))).toEqual([7, 6, 5, 3, 2, 1]);
    expect(seqs(await list({ action: "user" }))).toEqual([]);
  });

  it("filters by actor id or label, and by target", async () => {
    expect(seqs(await list({ actor: bob.id ?? "" }))).toEqual([6, 4, 2]);
    expect(seqs(await list({ actor: "ALICE@example.test" }))).toEqual([7, 5, 3, 1]);
    expect(seqs(await list({ target: "user:u3" }))).toEqual([3]);
    expect(seqs(await list({ target: "u5" }))).toEqual([5]);
    expect(seqs(await list({ target: "workflow:u5" }))).toEqual([]);
  });

  it("serves events as JSON-safe views", async () => {
    const [event] = (await list({ limit: 1 })).events;
    expect(event).toMatchObject({
      seq: "7",
      actorLabel: "alice@example.test",
      action: "user.unlocked",
      targetType: "user",
      targetId: "u7",
    });
    expect(typeof event?.occurredAt).toBe("string");
  });
});
