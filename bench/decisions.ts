import { randomUUID } from "node:crypto";
import os from "node:os";
import { createDb, getDb } from "@/lib/server/db/client";
import { createMigratedDatabase, startTestServer, uniqueDatabaseName } from "@/test/support/postgres";
import { baselineTree, createBaselineDatabase } from "./support/baseline-tree";
import { withNextBuild } from "./support/build-lock";
import { rawRequest, type TResponse, type TTarget } from "./support/http-connection";
import { runClosedLoop, runOpenLoop, type TLoadResult, type TNextRequest } from "./support/load-generator";
import { residentKb, SERVER_FLAGS, startAppServer, startBareServer, watchPeakRss, type TServer } from "./support/processes";
import { pick, random } from "./support/random";
import { int, ms, spread, Tally, verdict } from "./support/report";
import { median } from "./support/samples";
import { seedBenchRegistry, type TBenchWorkflow } from "./support/seed-bench-registry";

// Issue "runtime gate", performance: POST /api/v1/decisions against 1,000 workflows × 20 tools,
// throughput with 32 connections (≥ 5,000 decisions/s) and p99 at half that rate (≤ 10 ms), every
// decision recorded — beside a Next.js route handler returning constant JSON and a bare node:http
// server, measured by the same load generator in the same run. The app runs as `npm start` does
// (scripts/serve.ts, NODE_ENV=production: the gate's process, with the console in a child process
// behind it); the load generator runs here. The Next baseline is asked at the console process's
// own port, without the front door's proxy in between.
// Run: npx tsx --conditions=react-server bench/decisions.ts   (BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=<dir>" profiles the server)
// BENCH_BASELINE_TREE=<another checkout, built> runs that tree's app beside this one, interleaved
// round by round, on its own database seeded alike: before and after in one run.
const WORKFLOWS = 1_000;
const TOOLS_PER_WORKFLOW = 20;
const CONNECTIONS = 32;
const ROUNDS = 5;
const LATENCY_ROUNDS = 3;
const ROUND_MS = 5_000;
// Each latency round first runs its rate this long, unmeasured: between interleaved rounds the
// gate sits idle for 15 s, and a full collection in that quiet drops optimized code whose embedded
// objects died with the last round's connections; the first ~0.5 s back re-optimizes it on a
// saturated core. The lead-in's own p99 is printed apart, so that cost stays visible.
const LEAD_IN_MS = 1_000;
const WARMUP_MS = 20_000;
const GATED_SHARE = 0.05;
const [APP_PORT, BARE_PORT, BASELINE_PORT] = [3231, 3232, 3233];

type TCase = { label: string; target: TTarget; next: TNextRequest; onResponse?: (r: TResponse, tag?: string) => void };

function decisionRequests(workflows: readonly TBenchWorkflow[], target: TTarget, gatedShare: number): TNextRequest {
  return () => {
    const workflow = pick(workflows);
    const gated = random() < gatedShare;
    const tool = pick(gated ? workflow.gated : workflow.routine);
    const dataClasses = workflow.dataClasses.slice(0, 1 + Math.floor(random() * workflow.dataClasses.length));
    const body = JSON.stringify({
      decisionId: randomUUID(),
      runId: `run-${Math.floor(random() * 100)}`,
      tool: tool.key,
      arguments: tool.makeArguments(),
      dataClasses,
      model: pick(workflow.models),
    });
    const bytes = rawRequest({
      method: "POST",
      path: "/api/v1/decisions",
      target,
      headers: { authorization: `Bearer ${workflow.token}` },
      body,
    });
    return { bytes, tag: gated ? "T2/T3" : "T0/T1" };
  };
}

/** Every decision answered with a 200, and its outcome (the first reason's code for a deny). */
function decisionCounter() {
  const outcomes = new Map<string, Tally>();
  let answered = 0;
  const onResponse = ({ status, body }: TResponse, tag = "") => {
    if (status !== 200) return;
    answered += 1;
    const text = body.toString();
    const outcome = /"outcome":"(\w+)"/.exec(text)?.[1] ?? "?";
    const label = outcome === "deny" ? `deny (${/"code":"(\w+)"/.exec(text)?.[1]})` : outcome;
    let tally = outcomes.get(tag);
    if (!tally) outcomes.set(tag, (tally = new Tally()));
    tally.add(label);
  };
  return { onResponse, answered: () => answered, outcomes };
}

async function main(): Promise<void> {
  await withNextBuild(async (built) => {
    if (!built) throw new Error("no usable `next build` output: the Next.js baseline needs one");
    // Always a throwaway embedded Postgres, never the server a DATABASE_URL points at.
    delete process.env.DATABASE_URL;
    const pg = await startTestServer();
    const servers: TServer[] = [];
    try {
      const databaseUrl = await createMigratedDatabase(pg.adminUrl, uniqueDatabaseName("tollgate_bench"));
      process.env.DATABASE_URL = databaseUrl;
      const db = getDb();
      let started = performance.now();
      const workflows = await seedBenchRegistry({ db, workflows: WORKFLOWS, toolsPerWorkflow: TOOLS_PER_WORKFLOW });
      const seconds = (performance.now() - started) / 1000;
      const [routine, gated] = [workflows[0]?.routine.length ?? 0, workflows[0]?.gated.length ?? 0];
      console.log(
        `node ${process.version}, ${os.cpus().length} cores; ${int(WORKFLOWS)} ACTIVE PROD workflows × ${TOOLS_PER_WORKFLOW} tools (${routine} T0/T1 + ${gated} T2/T3) over a 200-tool catalog, one token each, ${int(await db.policy.count())} custom policies; seeded in ${seconds.toFixed(1)} s`,
      );
      console.log(
        `app: scripts/serve.ts (gate, console in a child process, NODE_ENV=production${SERVER_FLAGS.length ? `, node ${SERVER_FLAGS.join(" ")}` : ""}); load: this process, ${CONNECTIONS} keep-alive connections, requests spread over every workflow and its tools\n`,
      );

      const app = await startAppServer({ databaseUrl, port: APP_PORT, console: true });
      servers.push(app);
      const bare = await startBareServer(BARE_PORT);
      servers.push(bare);
      const pid = app.child.pid ?? 0;
      const consoleSide = app.console;
      if (!consoleSide) throw new Error("the app started without its console");
      const consolePid = consoleSide.pid();
      const idleKb = [residentKb(pid), residentKb(consolePid)];

      const tree = baselineTree();
      const baseline = tree ? await startBaseline(tree, pg.adminUrl) : null;
      if (baseline) servers.push(baseline.app);

      const counter = decisionCounter();
      const decisions: TCase = {
        label: "POST /api/v1/decisions (T0/T1 calls)",
        target: app.target,
        next: decisionRequests(workflows, app.target, 0),
        onResponse: counter.onResponse,
      };
      const nextRoute = rawRequest({ method: "GET", path: "/api/v1/no-such-route", target: consoleSide.target });
      const bareRoute = rawRequest({ method: "GET", path: "/", target: bare.target });
      const cases: TCase[] = [
        decisions,
        { label: "baseline: Next.js route handler, constant JSON", target: consoleSide.target, next: () => ({ bytes: nextRoute }) },
        { label: "baseline: bare node:http, constant JSON", target: bare.target, next: () => ({ bytes: bareRoute }) },
      ];
      const before: TCase | null = baseline && {
        label: "the same at BENCH_BASELINE_TREE",
        target: baseline.app.target,
        next: decisionRequests(baseline.workflows, baseline.app.target, 0),
      };
      if (before && tree) {
        cases.push(before);
        console.log(`baseline tree: ${tree.dir} at ${tree.commit}, its own migrations, seeded alike\n`);
      }

      started = performance.now();
      await runClosedLoop({ ...decisions, connections: CONNECTIONS, durationMs: WARMUP_MS });
      await runClosedLoop({ ...cases[1]!, connections: CONNECTIONS, durationMs: 2_000 });
      if (before) await runClosedLoop({ ...before, connections: CONNECTIONS, durationMs: WARMUP_MS });
      const warmKb = [residentKb(pid), residentKb(consolePid)];
      console.log(
        `warm-up: ${((performance.now() - started) / 1000).toFixed(0)} s of decisions (every workflow's snapshot compiled, every token cached), 2 s of the Next route\n`,
      );

      let peakKb = 0;
      const measure = async (c: TCase, run: () => Promise<TLoadResult>) => {
        const stopWatching = c === decisions ? watchPeakRss(pid) : () => 0;
        const result = await run();
        peakKb = Math.max(peakKb, stopWatching());
        const failed = [...result.statuses].filter(([status]) => status >= 500).reduce((n, [, count]) => n + count, 0) + result.errors;
        if (failed) console.log(`  (${c.label}: ${failed} answers were 5xx or connection errors)`);
        return result;
      };

      const throughput = new Map<TCase, number[]>(cases.map((c) => [c, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const c of cases)
          throughput
            .get(c)
            ?.push((await measure(c, () => runClosedLoop({ ...c, connections: CONNECTIONS, durationMs: ROUND_MS }))).perSecond);
      }
      const rate = (c: TCase) => median(throughput.get(c) ?? []);
      const [nextRate, bareRate] = [rate(cases[1]!), rate(cases[2]!)];
      console.log(
        `throughput, closed loop, ${CONNECTIONS} connections: answers/s, median (each round in order) of ${ROUNDS} interleaved rounds of ${ROUND_MS / 1000} s`,
      );
      for (const c of cases) {
        const ratios =
          c === decisions
            ? `   ${(rate(c) / nextRate).toFixed(1)}x the Next.js handler, ${((100 * rate(c)) / bareRate).toFixed(0)}% of bare node:http${before ? `, ${((100 * rate(c)) / rate(before)).toFixed(1)}% of the baseline tree` : ""}`
            : "";
        console.log(`  ${c.label.padEnd(50)} ${spread(throughput.get(c) ?? []).padStart(44)}${ratios}`);
      }
      console.log(`  target ≥ 5,000 decisions/s: ${verdict(rate(decisions) >= 5_000)}\n`);

      // Each at half its own ceiling, and bare node:http also at the decisions' rate: the floor of
      // what this machine and load generator can show at that load.
      const half = rate(decisions) / 2;
      const openLoops = [
        { c: decisions, label: decisions.label, perSecond: half },
        ...cases.slice(1).map((c) => ({ c, label: c.label, perSecond: rate(c) / 2 })),
        ...(before ? [{ c: before, label: "the baseline tree at this tree's rate", perSecond: half }] : []),
        { c: cases[2] as TCase, label: "baseline: bare node:http at the decisions' rate", perSecond: half },
      ].map((loop) => ({ ...loop, p50: [] as number[], p99: [] as number[], service99: [] as number[], leadIn99: [] as number[] }));
      for (let round = 0; round < LATENCY_ROUNDS; round++) {
        for (const loop of openLoops) {
          const result = await measure(loop.c, () =>
            runOpenLoop({ ...loop.c, connections: CONNECTIONS, durationMs: ROUND_MS, leadInMs: LEAD_IN_MS, perSecond: loop.perSecond }),
          );
          loop.p50.push(result.latency.percentile(50));
          loop.p99.push(result.latency.percentile(99));
          loop.service99.push(result.service.percentile(99));
          loop.leadIn99.push(result.leadIn.percentile(99));
        }
      }
      console.log(
        `latency, open loop at half the throughput: median (each round in order) of ${LATENCY_ROUNDS} rounds of ${ROUND_MS / 1000} s, each after a ${LEAD_IN_MS / 1000} s lead-in at its rate, from when each request was due (queueing included); service p99: from when it was written; lead-in p99: of the requests due in the lead-in, the first second after the idle gap`,
      );
      for (const loop of openLoops) {
        console.log(
          `  ${loop.label.padEnd(50)} at ${int(loop.perSecond).padStart(6)}/s   p50 ${ms(median(loop.p50)).padStart(8)}   p99 ${spread(loop.p99, ms).padStart(36)}   service p99 ${ms(median(loop.service99))}   lead-in p99 ${spread(loop.leadIn99, ms)}`,
        );
      }
      const decisionP99 = median(openLoops[0]?.p99 ?? []);
      console.log(`  target p99 ≤ 10 ms: ${verdict(decisionP99 <= 10)}\n`);

      console.log(`outcomes of the T0/T1 calls: ${counter.outcomes.get("T0/T1")}`);
      const mb = (kb: number) => `${int(kb / 1024)} MB`;
      console.log(
        `resident memory: the gate's process idle ${mb(idleKb[0] ?? 0)}, after warm-up ${mb(warmKb[0] ?? 0)}, peak under the decisions load ${mb(peakKb)}; the console process idle ${mb(idleKb[1] ?? 0)}, after warm-up ${mb(warmKb[1] ?? 0)}\n`,
      );

      // Reported apart: each T2/T3 call is a transaction that records the decision and opens an approval request.
      const mixed = { ...decisions, next: decisionRequests(workflows, app.target, GATED_SHARE) };
      peakKb = 0;
      const mixedRuns: TLoadResult[] = [];
      for (let round = 0; round < 2; round++)
        mixedRuns.push(await measure(decisions, () => runClosedLoop({ ...mixed, connections: CONNECTIONS, durationMs: ROUND_MS })));
      console.log(
        `mixed load, reported apart: ${GATED_SHARE * 100}% of calls to T2/T3 tools (each recorded before its answer, most opening an approval request); 2 rounds of ${ROUND_MS / 1000} s`,
      );
      console.log(`  decisions/s ${spread(mixedRuns.map((r) => r.perSecond))}`);
      for (const tag of ["T0/T1", "T2/T3"]) {
        const p = (q: number) => median(mixedRuns.map((r) => r.byTag.get(tag)?.percentile(q) ?? NaN));
        console.log(`  ${tag} calls: p50 ${ms(p(50))}, p99 ${ms(p(99))} (closed loop)`);
      }
      console.log(`  outcomes of the T2/T3 calls: ${counter.outcomes.get("T2/T3")}; server peak RSS ${int(peakKb / 1024)} MB\n`);

      // SIGTERM makes the server flush its group-commit buffer before it exits.
      await app.stop();
      const stored = await db.decision.count();
      const approvals = await db.approvalRequest.count();
      console.log(
        `every decision recorded: ${int(counter.answered())} answered 200 (warm-up, rounds, mixed load), ${int(stored)} rows in decisions after the server flushed and stopped: ${verdict(stored === counter.answered())}`,
      );
      console.log(`  (${int(approvals)} approval requests opened by the T2/T3 calls)`);
      await db.$disconnect();
    } finally {
      for (const server of servers) await server.stop();
      await pg.stop();
    }
  });
}

/** The baseline tree's app on its own database, seeded by this tree's seeder (the seeded tables are alike across versions). */
async function startBaseline(tree: NonNullable<ReturnType<typeof baselineTree>>, adminUrl: string) {
  const databaseUrl = await createBaselineDatabase(tree, adminUrl);
  const db = createDb(databaseUrl);
  try {
    const workflows = await seedBenchRegistry({ db, workflows: WORKFLOWS, toolsPerWorkflow: TOOLS_PER_WORKFLOW });
    const app = await startAppServer({ databaseUrl, port: BASELINE_PORT, console: true, cwd: tree.dir });
    return { app, workflows };
  } finally {
    await db.$disconnect();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
