import os from "node:os";
import { getDb } from "@/lib/server/db/client";
import { SCREEN_TOOL_KEY } from "@/lib/contracts/screen";
import { createMigratedDatabase, startTestServer, uniqueDatabaseName } from "@/test/support/postgres";
import { rawRequest, type TResponse } from "./support/http-connection";
import { runClosedLoop, runOpenLoop, type TNextRequest } from "./support/load-generator";
import { startAppServer, startBareServer, type TServer } from "./support/processes";
import { pick, random } from "./support/random";
import { int, ms, spread, Tally, verdict } from "./support/report";
import { median } from "./support/samples";
import { seedBenchRegistry, type TBenchWorkflow } from "./support/seed-bench-registry";

// Issue 19, performance: POST /api/v1/screen with a 4 KB body (retrieved context quoting a support
// thread; one in four with an e-mail, phone, card or key in it) against 200 workflows: throughput
// with 32 connections and p99 at 5,000 requests/s (targets ≥ 5,000/s, p99 ≤ 10 ms), every
// screening recorded in the decision log — beside a bare node:http server under the same load
// generator in the same run. The run-time API runs alone (bench/support/serve-runtime.ts).
// Run: npx tsx --conditions=react-server bench/screen.ts   (hold /tmp/tollgate-bench.lock)
const WORKFLOWS = 200;
const CONNECTIONS = 32;
const ROUNDS = 3;
const ROUND_MS = 5_000;
const TARGET_RATE = 5_000;
const [APP_PORT, BARE_PORT] = [3241, 3242];

const PARAGRAPHS = [
  "The customer writes that the order arrived damaged and asks whether a replacement can ship this week instead of a refund.",
  "Agent notes: checked the carrier's tracking page, the parcel was marked delivered on Tuesday at 14:02 with no signature.",
  "Policy 4.2 allows a replacement for items damaged in transit when the customer reports it within 14 days of delivery.",
  "The warehouse confirms stock for the same SKU in the Leeds facility; a replacement would leave on the next collection.",
];
const PERSONAL = [
  " Reply to jane.doe{n}@example.com when it ships.",
  " Best reached on +44 20 7946 0{n} in the afternoon.",
  " They pasted their card 4111 1111 1111 1111 into the chat by mistake.",
  " The integration still uses key sk_live_4eC39HqLyjWDarjtT1zd{n} in its config.",
];
const fill = (text: string) => text.replaceAll("{n}", String(100 + Math.floor(random() * 900)));

/** ~4 KB of retrieved context: a thread of paragraphs, one in four quoting something personal. */
function context(): string {
  let text = "";
  while (text.length < 4_000) text += `${fill(pick(PARAGRAPHS))}${random() < 0.25 ? fill(pick(PERSONAL)) : ""}\n`;
  return text.slice(0, 4_096);
}

// Built before the clock starts and sent round-robin: the load generator shares the machine's two
// cores with the server, and building 4 KB of JSON per request would take its share from the server.
const PREBUILT = 4_096;

function screenRequests(workflows: readonly TBenchWorkflow[], target: { host: string; port: number }): TNextRequest {
  const requests = Array.from({ length: PREBUILT }, () => {
    const workflow = pick(workflows);
    const body = JSON.stringify({
      runId: `run-${Math.floor(random() * 100)}`,
      model: pick(workflow.models),
      kind: "context",
      content: context(),
    });
    return rawRequest({ method: "POST", path: "/api/v1/screen", target, headers: { authorization: `Bearer ${workflow.token}` }, body });
  });
  return (i) => ({ bytes: requests[i % PREBUILT]! });
}

async function main(): Promise<void> {
  delete process.env.DATABASE_URL;
  const pg = await startTestServer();
  const servers: TServer[] = [];
  try {
    const databaseUrl = await createMigratedDatabase(pg.adminUrl, uniqueDatabaseName("tollgate_bench"));
    process.env.DATABASE_URL = databaseUrl;
    const db = getDb();
    const workflows = await seedBenchRegistry({ db, workflows: WORKFLOWS, toolsPerWorkflow: 5 });
    const app = await startAppServer({ databaseUrl, port: APP_PORT, console: false });
    servers.push(app);
    const bare = await startBareServer(BARE_PORT);
    servers.push(bare);
    const next = screenRequests(workflows, app.target);
    const sample = next(0).bytes.length;
    console.log(
      `node ${process.version}, ${os.cpus().length} cores; ${WORKFLOWS} workflows; requests of ~${int(sample)} bytes; ${CONNECTIONS} keep-alive connections\n`,
    );

    const outcomes = new Tally();
    let answered = 0;
    const onResponse = ({ status, body }: TResponse) => {
      if (status !== 200) return outcomes.add(`HTTP ${status}`);
      answered++;
      outcomes.add(/"outcome":"(\w+)"/.exec(body.toString())?.[1] ?? "?");
    };
    const screen = { target: app.target, next, onResponse };
    const bareRoute = rawRequest({ method: "GET", path: "/", target: bare.target });
    const bareCase = { target: bare.target, next: () => ({ bytes: bareRoute }) };

    await runClosedLoop({ ...screen, connections: CONNECTIONS, durationMs: 10_000 });
    const rates: number[] = [];
    const bareRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rates.push((await runClosedLoop({ ...screen, connections: CONNECTIONS, durationMs: ROUND_MS })).perSecond);
      bareRates.push((await runClosedLoop({ ...bareCase, connections: CONNECTIONS, durationMs: ROUND_MS })).perSecond);
    }
    console.log(`throughput, closed loop: median (each round) of ${ROUNDS} interleaved rounds of ${ROUND_MS / 1000} s`);
    console.log(
      `  POST /api/v1/screen, 4 KB          ${spread(rates).padStart(36)}   ${((100 * median(rates)) / median(bareRates)).toFixed(0)}% of bare node:http`,
    );
    console.log(`  baseline: bare node:http           ${spread(bareRates).padStart(36)}`);
    console.log(`  target ≥ 5,000 requests/s: ${verdict(median(rates) >= TARGET_RATE)}\n`);

    const p99: number[] = [];
    const p50: number[] = [];
    const bareP99: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const result = await runOpenLoop({
        ...screen,
        connections: CONNECTIONS,
        durationMs: ROUND_MS,
        leadInMs: 1_000,
        perSecond: TARGET_RATE,
      });
      p99.push(result.latency.percentile(99));
      p50.push(result.latency.percentile(50));
      bareP99.push(
        (
          await runOpenLoop({ ...bareCase, connections: CONNECTIONS, durationMs: ROUND_MS, leadInMs: 1_000, perSecond: TARGET_RATE })
        ).latency.percentile(99),
      );
    }
    console.log(
      `latency, open loop at ${int(TARGET_RATE)}/s (from when each request was due), ${ROUNDS} rounds of ${ROUND_MS / 1000} s after a 1 s lead-in`,
    );
    console.log(`  POST /api/v1/screen, 4 KB   p50 ${ms(median(p50))}   p99 ${spread(p99, ms)}`);
    console.log(`  baseline: bare node:http    p99 ${spread(bareP99, ms)}`);
    console.log(`  target p99 ≤ 10 ms: ${verdict(median(p99) <= 10)}\n`);
    console.log(`outcomes: ${outcomes}`);

    await app.stop();
    const stored = await db.decision.count({ where: { tool: SCREEN_TOOL_KEY } });
    console.log(
      `every screening recorded: ${int(answered)} answered 200, ${int(stored)} rows with tool ${SCREEN_TOOL_KEY}: ${verdict(stored === answered)}`,
    );
    await db.$disconnect();
  } finally {
    for (const server of servers) await server.stop();
    await pg.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
