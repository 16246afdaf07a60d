import type { TDb } from "@/lib/server/db/client";
import { DEMO_USERS } from "../demo-data";

// The marker row (`demo_history`): the window a seeding fills and how many of its days are
// written. Its presence is what makes a database a demo with history owed; `finished_at` ends it.

const DAY_MS = 86_400_000;
const MARKER_ID = "demo";

export type TMarker = { seed: number; scale: number; from: number; to: number; days: number; daysDone: number };

// Until it finishes, the summary holds what a resumed seeding must keep: the volume it began with.
const scaleOf = (summary: unknown) => {
  const scale = (summary as { scale?: unknown } | null)?.scale;
  return typeof scale === "number" && scale > 0 ? scale : 1;
};

/**
 * The marker to continue from: the unfinished one, or a new one when this database holds the
 * demo inventory and nothing has run through it yet. Null (with why) when there is nothing to do,
 * so a database with real traffic never gets invented history.
 */
export async function claimMarker(
  db: TDb,
  wanted: { now: Date; seed: number; days: number; scale: number },
): Promise<{ marker: TMarker; resumed: boolean } | { marker: null; why: string }> {
  const existing = await db.demoHistory.findUnique({ where: { id: MARKER_ID } });
  if (existing?.finishedAt) return { marker: null, why: `the demo history was seeded at ${existing.finishedAt.toISOString()}` };
  if (existing) {
    const days = Math.round((existing.historyTo.getTime() - existing.historyFrom.getTime()) / DAY_MS);
    const marker = {
      seed: existing.seed,
      scale: scaleOf(existing.summary),
      from: existing.historyFrom.getTime(),
      to: existing.historyTo.getTime(),
      days,
      daysDone: existing.daysDone,
    };
    return { marker, resumed: true };
  }
  const demoAdmin = DEMO_USERS.find((u) => u.roles.includes("ADMIN"))?.email ?? "";
  if (!(await db.user.findUnique({ where: { email: demoAdmin }, select: { id: true } })))
    return { marker: null, why: "this is not a demo database" };
  const [used] = await db.$queryRaw<
    { used: boolean }[]
  >`SELECT EXISTS (SELECT 1 FROM decisions) OR EXISTS (SELECT 1 FROM run_events) AS used`;
  if (used?.used) return { marker: null, why: "this database already has decisions or run events of its own" };
  const to = wanted.now.getTime();
  const from = to - wanted.days * DAY_MS;
  const { seed, scale, days } = wanted;
  await db.demoHistory.create({ data: { id: MARKER_ID, seed, historyFrom: new Date(from), historyTo: new Date(to), summary: { scale } } });
  return { marker: { seed, scale, from, to, days, daysDone: 0 }, resumed: false };
}

export const markDayDone = (db: TDb, daysDone: number) => db.demoHistory.update({ where: { id: MARKER_ID }, data: { daysDone } });

export const markFinished = (db: TDb, summary: object) =>
  db.demoHistory.update({ where: { id: MARKER_ID }, data: { finishedAt: new Date(), summary } });
