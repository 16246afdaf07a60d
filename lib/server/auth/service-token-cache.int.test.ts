import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed";
import { mintServiceToken } from "@/test/support/runtime-server";
import { getDb } from "../db/client";
import { hashServiceToken } from "./service-token-secret";
import { ServiceTokenCache } from "./service-token-cache";

const db = getDb();
beforeAll(() => seedDemoData({ db }));
afterAll(() => db.$disconnect());

const lastUsed = (token: string) =>
  db.serviceToken.findUniqueOrThrow({ where: { tokenHash: hashServiceToken(token) } }).then((t) => t.lastUsedAt);

describe("the run-time token cache", () => {
  it("records tokens' last use together, once a minute per token, and never moves it backwards", async () => {
    const [first, second] = [await mintServiceToken(db), await mintServiceToken(db, { workflowKey: "access-requests" })];
    const cache = new ServiceTokenCache();
    const at = new Date("2026-11-21T10:00:00.000Z");
    await cache.authenticate(`Bearer ${first}`, "DECIDE", at);
    await cache.authenticate(`Bearer ${second}`, "DECIDE", new Date(at.getTime() + 500));
    // Not written on the request's path.
    expect(await lastUsed(first)).toBeNull();
    await cache.flushTouches();
    expect(await lastUsed(first)).toEqual(new Date(at.getTime() + 500));
    expect(await lastUsed(second)).toEqual(new Date(at.getTime() + 500));

    // Within the minute: nothing due. After it: due again.
    await cache.authenticate(`Bearer ${first}`, "DECIDE", new Date(at.getTime() + 30_000));
    await cache.flushTouches();
    expect(await lastUsed(first)).toEqual(new Date(at.getTime() + 500));
    await cache.authenticate(`Bearer ${first}`, "DECIDE", new Date(at.getTime() + 61_000));
    await cache.flushTouches();
    expect(await lastUsed(first)).toEqual(new Date(at.getTime() + 61_000));

    // Another instance that recorded an earlier use does not rewind it.
    const other = new ServiceTokenCache();
    await other.authenticate(`Bearer ${first}`, "DECIDE", new Date(at.getTime() + 200_000));
    await db.serviceToken.updateMany({
      where: { tokenHash: hashServiceToken(first) },
      data: { lastUsedAt: new Date(at.getTime() + 300_000) },
    });
    await other.flushTouches();
    expect(await lastUsed(first)).toEqual(new Date(at.getTime() + 300_000));
  });
});
