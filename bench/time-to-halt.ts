import os from "node:os";
import pg from "pg";
import { runAudited } from "@/lib/server/audit/run-audited";
import type { TSessionUser } from "@/lib/server/authz/principal";
import { generateServiceToken } from "@/lib/server/auth/service-token-secret";
import { getDb, type TDb } from "@/lib/server/db/client";
import { confirmKillSwitchRelease } from "@/lib/server/killswitch/confirm-kill-switch-release";
import { engageKillSwitchForUser } from "@/lib/server/killswitch/engage-kill-switch-for-user";
import { requestKillSwitchRelease } from "@/lib/server/killswitch/request-kill-switch-release";
import { seedDemoData } from "@/prisma/seed";
import { createTollgate, type TTollgate } from "@/sdk";
import { createMigratedDatabase, startTestServer, uniqueDatabaseName } from "@/test/support/postgres";
import { startAppServer, type TServer } from "./support/processes";
import { int, ms, verdict } from "./support/report";
import { Samples } from "./support/samples";

// Issue "runtime gate", performance: from a kill switch's engage call returning to every one of 50
// SDK clients (createTollgate, each holding its kill-switch lease over SSE), spread over 2 app
// instances on one database, observing the halt (onHalt): p99 ≤ 250 ms. Beside the same run's
// bare NOTIFY → LISTEN round trip between two pg connections, the floor any halt rides on.
// Run: npx tsx --conditions=react-server bench/time-to-halt.ts
const CLIENTS = 50;
const ROUNDS = 20;
const PORTS = [3234, 3235];
const WORKFLOWS = ["support-refunds", "ticket-triage", "access-requests", "vendor-payments", "incident-notifier"];
const MODEL = "anthropic/claude-sonnet-4-5/2025-09-29";

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function mintDecideTokens(db: TDb): Promise<string[]> {
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tollgate.local" } });
  const tokens: string[] = [];
  for (const key of WORKFLOWS) {
    const workflow = await db.workflow.findUniqueOrThrow({ where: { key } });
    const { token, prefix, tokenHash } = generateServiceToken();
    await db.serviceToken.create({
      data: {
        workflowId: workflow.id,
        name: "bench",
        prefix,
        tokenHash,
        scopes: ["DECIDE"],
        environment: workflow.environment,
        expiresAt: new Date(Date.now() + 86_400_000),
        createdById: admin.id,
      },
    });
    tokens.push(token);
  }
  return tokens;
}

/** NOTIFY on one connection, LISTEN on another: from sending the NOTIFY to its arrival. */
async function notifyRoundTrips(databaseUrl: string): Promise<Samples> {
  const [listener, notifier] = [new pg.Client({ connectionString: databaseUrl }), new pg.Client({ connectionString: databaseUrl })];
  await Promise.all([listener.connect(), notifier.connect()]);
  await listener.query("LISTEN bench_halt");
  const samples = new Samples();
  for (let round = 0; round < ROUNDS; round++) {
    const arrived = new Promise<number>((resolve) => listener.once("notification", () => resolve(performance.now())));
    const sent = performance.now();
    await notifier.query(`NOTIFY bench_halt, 'round ${round}'`);
    samples.add((await arrived) - sent);
  }
  await Promise.all([listener.end(), notifier.end()]);
  return samples;
}

async function main(): Promise<void> {
  // Always a throwaway embedded Postgres, never the server a DATABASE_URL points at.
  delete process.env.DATABASE_URL;
  const server = await startTestServer();
  const instances: TServer[] = [];
  const clients: TTollgate[] = [];
  try {
    const databaseUrl = await createMigratedDatabase(server.adminUrl, uniqueDatabaseName("tollgate_bench"));
    process.env.DATABASE_URL = databaseUrl;
    const db = getDb();
    await seedDemoData({ db });
    const tokens = await mintDecideTokens(db);
    for (const port of PORTS) instances.push(await startAppServer({ databaseUrl, port, console: false }));
    const user = async (email: string): Promise<TSessionUser> =>
      db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, roles: true } });
    const [ciso, security] = [await user("ciso@tollgate.local"), await user("security@tollgate.local")];
    const actorOf = (u: TSessionUser) => ({ type: "user" as const, id: u.id, label: u.email, requestId: null });

    const haltedAt = new Array<number>(CLIENTS).fill(0);
    const errors: unknown[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const client = createTollgate({
        baseUrl: (instances[i % PORTS.length] as TServer).url,
        token: tokens[i % tokens.length] as string,
        model: MODEL,
        onError: (e) => errors.push(e),
      });
      client.onHalt(() => (haltedAt[i] ||= performance.now()));
      clients.push(client);
    }
    await until(() => clients.every((c) => c.status().lease === "held"), "every client's lease");
    console.log(
      `node ${process.version}, ${os.cpus().length} cores; ${PORTS.length} app instances (run-time API, own processes) on one database; ${CLIENTS} SDK clients in this process, ${CLIENTS / PORTS.length} per instance, over ${WORKFLOWS.length} workflows, every lease held`,
    );
    console.log(
      `each round: a GLOBAL kill switch engaged with engageKillSwitchForUser in a runAudited transaction (what the console API runs), then released by two SECURITY users; ${ROUNDS} rounds\n`,
    );

    const fromReturn = new Samples();
    const fromStart = new Samples();
    const byInstance = PORTS.map(() => new Samples());
    const engageMs = new Samples();
    for (let round = 0; round < ROUNDS; round++) {
      haltedAt.fill(0);
      const started = performance.now();
      const engaged = await runAudited(db, (tx) =>
        engageKillSwitchForUser({ tx, actor: actorOf(ciso), user: ciso, input: { scope: "GLOBAL", reason: `drill ${round}` } }),
      );
      const returned = performance.now();
      engageMs.add(returned - started);
      await until(() => haltedAt.every((t) => t > 0), `all ${CLIENTS} clients to observe the halt`, 5_000);
      haltedAt.forEach((t, i) => {
        fromReturn.add(t - returned);
        fromStart.add(t - started);
        byInstance[i % PORTS.length]?.add(t - returned);
      });
      await runAudited(db, (tx) =>
        requestKillSwitchRelease({ tx, actor: actorOf(ciso), user: ciso, id: engaged.id, reason: "drill over" }),
      );
      await runAudited(db, (tx) =>
        confirmKillSwitchRelease({ tx, actor: actorOf(security), user: security, id: engaged.id, reason: "drill over" }),
      );
      await until(() => clients.every((c) => c.status().engaged.length === 0), "every client to see the release");
    }
    const baseline = await notifyRoundTrips(databaseUrl);

    const line = (s: Samples) =>
      `p50 ${ms(s.percentile(50)).padStart(8)}   p99 ${ms(s.percentile(99)).padStart(8)}   max ${ms(s.percentile(100)).padStart(8)}`;
    console.log(`time to halt over ${int(fromReturn.count)} observations (${CLIENTS} clients × ${ROUNDS} rounds), by each client's onHalt`);
    console.log(`  ${"from the engage call returning".padEnd(58)} ${line(fromReturn)}`);
    byInstance.forEach((s, i) => console.log(`  ${`  clients of instance ${i + 1}`.padEnd(58)} ${line(s)}`));
    console.log(
      `  ${"from the engage call starting (it took p50 " + ms(engageMs.percentile(50)) + ")"}`.padEnd(60) + ` ${line(fromStart)}`,
    );
    console.log(`  ${"baseline: bare NOTIFY → LISTEN, two pg connections".padEnd(58)} ${line(baseline)}`);
    console.log(
      `  target p99 ≤ 250 ms: ${verdict(fromReturn.percentile(99) <= 250)}${errors.length ? `; ${errors.length} client errors, first: ${String(errors[0])}` : ""}`,
    );
  } finally {
    await Promise.all(clients.map((c) => c.close({ timeoutMs: 1_000 })));
    for (const instance of instances) await instance.stop();
    if (process.env.DATABASE_URL) await getDb().$disconnect();
    await server.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
