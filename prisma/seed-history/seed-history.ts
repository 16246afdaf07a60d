import type pg from "pg";
import { sweepApprovals } from "@/lib/server/approvals/sweep-approvals";
import type { TDb } from "@/lib/server/db/client";
import type { NotificationHub } from "@/lib/server/db/notifications";
import { RuntimeGate } from "@/lib/server/decisions/runtime/runtime-gate";
import { EventSink } from "./event-sink";
import { SHADOW_FLEET } from "./fleet";
import { simulateDay } from "./history-day";
import { killSwitchSteps } from "./history-kill-switches";
import { claimMarker, markDayDone, markFinished } from "./history-marker";
import { ensureDemoPolicies, loadAgents, loadPeople, principalOf } from "./history-setup";
import { HistoryTally } from "./history-tally";
import { planIncidents } from "./incidents";
import { createRandom } from "./random";
import { createReplayRateLimiter } from "./replay-rate-limiter";
import type { TSimulation } from "./simulate-run";

// 30 days of a demo fleet's life, written through the paths real traffic takes: decisions by a
// RuntimeGate (the engine, the leased rate limiter, the kill-switch board, the decision log, the
// approval transaction) at their moment in the past; run events through ingestEvents; votes, kill
// switches and the policy through the console's domain functions, every change audited.

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
// Only one seeding at a time, whichever process starts it.
const SEED_LOCK = 7_236_111_016;

export type TSeedHistoryOptions = {
  db: TDb;
  pool: pg.Pool;
  hub: NotificationHub;
  /** The end of the history (default: now). */
  now?: Date;
  seed?: number;
  days?: number;
  /** Multiplies every agent's runs per day (1: ~4,400 runs, ~11,500 decisions, ~42,000 run events in 30 days); kept for a resume. */
  scale?: number;
  log?: (line: string) => void;
  /** After each day is written (and committed). */
  onProgress?: (progress: { daysDone: number; days: number; tally: HistoryTally }) => void;
  /** Stops after the day being written (the next seeding resumes from there). */
  signal?: AbortSignal;
};

export type TSeedHistoryResult =
  | { seeded: false; why: string }
  | { seeded: true; resumed: boolean; seconds: number; summary: ReturnType<HistoryTally["toJSON"]> & { events: number } };

export async function seedHistory(options: TSeedHistoryOptions): Promise<TSeedHistoryResult> {
  const lock = await options.pool.connect();
  try {
    const { rows } = await lock.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [SEED_LOCK]);
    if (!rows[0]?.ok) return { seeded: false, why: "another process is seeding the demo history" };
    try {
      return await seedLocked(options);
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [SEED_LOCK]);
    }
  } finally {
    lock.release();
  }
}

async function seedLocked(options: TSeedHistoryOptions): Promise<TSeedHistoryResult> {
  const { db, pool, hub } = options;
  const log = options.log ?? (() => {});
  const startedAt = performance.now();
  const claimed = await claimMarker(db, {
    now: options.now ?? new Date(),
    seed: options.seed ?? 20_261_121,
    days: options.days ?? 30,
    scale: options.scale ?? 1,
  });
  if (!claimed.marker) return { seeded: false, why: claimed.why };
  const { marker, resumed } = claimed;

  const people = await loadPeople(db);
  await ensureDemoPolicies(db, people);
  const agents = await loadAgents(db);
  const shadowPrincipals = new Map<string, NonNullable<Awaited<ReturnType<typeof principalOf>>>>();
  for (const shadow of SHADOW_FLEET) {
    const principal = await principalOf(db, shadow.reportsWith);
    if (principal) shadowPrincipals.set(shadow.key, principal);
  }
  const random = createRandom(marker.seed);
  const plan = planIncidents(random.fork("incidents"), { from: marker.from, to: marker.to });
  const person = (email: string) => {
    const user = people.get(email);
    if (!user) throw new Error(`the demo history needs the demo user ${email}`);
    return user;
  };
  const approvers = {
    deciders: [
      [person("approver@tollgate.local"), 0.45],
      [person("approver2@tollgate.local"), 0.4],
      [person("admin@tollgate.local"), 0.15],
    ] as const,
    security: person("ciso@tollgate.local"),
    awayFrom: marker.to - random.fork("away").int(35, 55) * MINUTE_MS,
    end: marker.to,
  };

  const range = `${new Date(marker.from).toISOString().slice(0, 10)} to ${new Date(marker.to).toISOString().slice(0, 10)}`;
  log(`${resumed ? "resuming" : "writing"} ${marker.days - marker.daysDone} days of history (${range}) in the background`);
  const gate = await RuntimeGate.start({ db, pool, hub, rateLimiter: createReplayRateLimiter() });
  try {
    const sim: TSimulation = { db, gate, events: new EventSink(db, pool), approvers, plan, end: marker.to, tally: new HistoryTally() };
    const switchSteps = plan.killSwitches.flatMap((p) => killSwitchSteps({ db, gate, people, plan: p, end: marker.to }));
    for (let index = marker.daysDone; index < marker.days; index++) {
      if (options.signal?.aborted) return { seeded: false, why: `stopped after ${index} of ${marker.days} days; the next seeding resumes` };
      const from = marker.from + index * DAY_MS;
      await simulateDay({
        sim,
        agents,
        shadowPrincipals,
        switchSteps,
        random: random.fork(`day-${index}`),
        index,
        days: marker.days,
        from,
        to: from + DAY_MS,
        scale: marker.scale,
      });
      await sim.events.flush();
      await gate.decisionLog.flush();
      await markDayDone(db, index + 1);
      options.onProgress?.({ daysDone: index + 1, days: marker.days, tally: sim.tally });
    }
    // Requests nobody answered in time expire at their deadline, as the server's sweeper would have expired them.
    await sweepApprovals(db, new Date(marker.to));
    const summary = { ...sim.tally.toJSON(), events: sim.events.stored, scale: marker.scale };
    await markFinished(db, summary);
    return { seeded: true, resumed, seconds: (performance.now() - startedAt) / 1000, summary };
  } finally {
    await gate.stop();
  }
}
