import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { ZApprovalQueueQuery, type TApprovalQueueQuery } from "@/lib/contracts/approvals-console";
import { DEFAULT_TIER } from "@/lib/contracts/registry-enums";
import type { TRole } from "@/lib/contracts/roles";
import { listApprovalQueue } from "@/lib/server/approvals/list-approval-queue";
import { voteOnApproval } from "@/lib/server/approvals/vote-on-approval";
import { runAudited } from "@/lib/server/audit/run-audited";
import { generateServiceToken } from "@/lib/server/auth/service-token-secret";
import { checkHealth } from "@/lib/server/db/check-health";
import { db } from "@/lib/server/db/client";
import { DEMO_PASSWORD, DEMO_TOOLS } from "@/prisma/demo-data";
import { seedDemoData } from "@/prisma/seed";
import { createMigratedDatabase, dropDatabase, freePort, startTestServer, uniqueDatabaseName } from "@/test/support/postgres";
import { withNextBuild } from "./support/build-lock";
import { startAppServer, type TServer } from "./support/processes";
import { pick, random } from "./support/random";
import { ms, verdict } from "./support/report";
import { Samples } from "./support/samples";

// Issue 5 (approvals), performance: a final decision unblocks the waiting agent within p99 ≤ 500 ms,
// and the queue page answers in ≤ 200 ms of server time with 5,000 pending requests — each beside
// a baseline measured in the same run. The gate runs in its own process, so the waiting agents
// (here) and the server never share an event loop.
// Run: npx tsx --conditions=react-server bench/approvals.ts
const ROUNDS = 400;
const AGENTS_AT_ONCE = 8;
const BURST = 100;
const BURST_VOTERS = 4;
const PENDING = 5_000;
const DECIDED = 20_000;
const QUEUE_WORKFLOWS = 250;
const WARMUP = 30;
const ITERATIONS = 300;
const MODEL = "anthropic/claude-sonnet-4-5/2025-09-29";

type TUser = { id: string; email: string; name: string; roles: TRole[] };
const user = (email: string): Promise<TUser> =>
  db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, roles: true } });
const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

/** Prints p50/p95/p99/max and, given a target, whether the judged percentile meets it. */
function row(label: string, samples: Samples, target?: { p: 95 | 99; ms: number }): void {
  const cells = [50, 95, 99, 100].map((p) => ms(samples.percentile(p)).padStart(9)).join("  ");
  const judged = target ? `  ${verdict(samples.percentile(target.p) <= target.ms)} (p${target.p} ≤ ${target.ms} ms)` : "";
  console.log(`  ${label.padEnd(78)} ${cells}${judged}`);
}
const header = (title: string) =>
  console.log(`\n${title}\n  ${"".padEnd(78)} ${["p50", "p95", "p99", "max"].map((h) => h.padStart(9)).join("  ")}`);

async function measure(run: () => Promise<unknown>): Promise<Samples> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples = new Samples();
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    await run();
    samples.add(performance.now() - started);
  }
  return samples;
}

// The issue puts the wake-up at p99; it names no percentile for the queue, so it is judged at p95
// like the registry's list (p99 is printed beside it: on a shared two-core machine a single
// stall decides it).
const WAKE_UP_TARGET = { p: 99, ms: 500 } as const;
const QUEUE_TARGET = { p: 95, ms: 200 } as const;

// ---- 1. Final decision → waiting agent unblocked -------------------------------------------

async function mintDecideToken(workflowKey: string): Promise<string> {
  const workflow = await db.workflow.findUniqueOrThrow({ where: { key: workflowKey } });
  const admin = await user("admin@tollgate.local");
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
  return token;
}

type TWaiting = { id: string; answered: Promise<{ at: number; status: string }> };
type TWakeups = { fromCommit: Samples; fromVote: Samples };

/** An agent asks for a T2 call (support-refunds' email.send), gets an approval id and long-polls it. */
async function openAndWait(gate: TServer, token: string): Promise<TWaiting> {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const n = randomUUID();
  const body = {
    runId: `bench-${n}`,
    tool: "email.send",
    model: MODEL,
    dataClasses: ["support-tickets"],
    arguments: { to: "customer@example.com", subject: "Your refund", body: `Refund ${n} is on its way` },
  };
  const decision = (await (
    await fetch(`${gate.url}/api/v1/decisions`, { method: "POST", headers, body: JSON.stringify(body) })
  ).json()) as { outcome: string; approvalId?: string };
  if (decision.outcome !== "require_approval" || !decision.approvalId)
    throw new Error(`expected require_approval, got ${JSON.stringify(decision)}`);
  const answered = fetch(`${gate.url}/api/v1/approvals/${decision.approvalId}?waitSeconds=30`, { headers }).then(async (res) => {
    const state = (await res.json()) as { status: string };
    return { at: performance.now(), status: state.status };
  });
  return { id: decision.approvalId, answered };
}

/**
 * The approver's final vote, committed from this process as the console's route commits it. The
 * commit's answer and the agent's long-poll answer race back to this process; a negative figure
 * means the agent heard first.
 */
async function approve(waiting: TWaiting, approver: TUser, sink: TWakeups): Promise<void> {
  const actor = { type: "user" as const, id: approver.id, label: approver.email, requestId: null };
  const votedAt = performance.now();
  await runAudited(db, (tx) =>
    voteOnApproval(tx, { actor, user: approver, id: waiting.id, vote: { vote: "APPROVE", reason: "bench: checked the e-mail" } }),
  );
  const committedAt = performance.now();
  const answer = await waiting.answered;
  if (answer.status !== "APPROVED") throw new Error(`the agent read ${answer.status} instead of APPROVED`);
  sink.fromCommit.add(answer.at - committedAt);
  sink.fromVote.add(answer.at - votedAt);
}

/** The floor of the wake-up path: Postgres delivering a NOTIFY to another connection's LISTEN. */
async function notifyRoundTrip(databaseUrl: string): Promise<TWakeups> {
  const listener = new pg.Client({ connectionString: databaseUrl });
  const sender = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([listener.connect(), sender.connect()]);
  const sink: TWakeups = { fromCommit: new Samples(), fromVote: new Samples() };
  try {
    await listener.query("LISTEN bench_ping");
    let heard: (at: number) => void = () => {};
    listener.on("notification", () => heard(performance.now()));
    for (let i = 0; i < WARMUP + ROUNDS; i++) {
      const heardAt = new Promise<number>((resolve) => (heard = resolve));
      const sentAt = performance.now();
      await sender.query("SELECT pg_notify('bench_ping', $1)", [String(i)]);
      const committedAt = performance.now();
      const at = await heardAt;
      if (i < WARMUP) continue;
      sink.fromCommit.add(at - committedAt);
      sink.fromVote.add(at - sentAt);
    }
  } finally {
    await Promise.all([listener.end(), sender.end()]);
  }
  return sink;
}

async function benchWakeUp(databaseUrl: string): Promise<void> {
  // The bench measures the wake-up, not the rate limiter: email.send is capped at 30 a minute.
  await db.workflowTool.updateMany({
    where: { workflow: { key: "support-refunds" }, tool: { key: "email.send" } },
    data: { ratePerMinute: null },
  });
  const token = await mintDecideToken("support-refunds");
  const approver = await user("approver@tollgate.local");
  const gate = await startAppServer({ databaseUrl, port: await freePort(), console: false });
  try {
    const notify = await notifyRoundTrip(databaseUrl);
    const paced: TWakeups = { fromCommit: new Samples(), fromVote: new Samples() };
    let started = 0;
    // The approver reads each request for 100–300 ms: the long poll is parked well before the vote.
    const agent = async () => {
      while (started++ < ROUNDS) {
        const waiting = await openAndWait(gate, token);
        await sleep(100 + random() * 200);
        await approve(waiting, approver, paced);
      }
    };
    await Promise.all(Array.from({ length: AGENTS_AT_ONCE }, agent));

    const decided = await openAndWait(gate, token);
    await approve(decided, approver, { fromCommit: new Samples(), fromVote: new Samples() });
    const headers = { authorization: `Bearer ${token}` };
    const immediate = await measure(async () => (await fetch(`${gate.url}/api/v1/approvals/${decided.id}`, { headers })).arrayBuffer());

    const burst: TWakeups = { fromCommit: new Samples(), fromVote: new Samples() };
    const waiting = await Promise.all(Array.from({ length: BURST }, () => openAndWait(gate, token)));
    await sleep(1_000);
    const queue = [...waiting];
    await Promise.all(
      Array.from({ length: BURST_VOTERS }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await approve(next, approver, burst);
      }),
    );

    header(
      `1. Final decision → waiting agent unblocked (gate in its own process; T2 email.send, GET /api/v1/approvals/{id}?waitSeconds=30)`,
    );
    row("baseline: NOTIFY → LISTEN between two pg connections, from the NOTIFY's commit", notify.fromCommit);
    row("baseline: GET /api/v1/approvals/{id} of a decided request (answers at once)", immediate);
    row(`vote committed → long poll answered (${ROUNDS} rounds, ${AGENTS_AT_ONCE} agents at a time)`, paced.fromCommit, WAKE_UP_TARGET);
    row("  the same from the vote's start (its own transaction included)", paced.fromVote);
    row(`burst: ${BURST} waiting at once, ${BURST_VOTERS} approvers back to back: committed → answered`, burst.fromCommit, WAKE_UP_TARGET);
    row("  the same from the vote's start", burst.fromVote);
  } finally {
    await gate.stop();
  }
}

// ---- 2. The queue with 5,000 pending requests -----------------------------------------------

const TIMEOUT_MINUTES = [30, 60, 60, 60, 120, 240, 1_440];

// Column and type: one INSERT … SELECT FROM jsonb_to_recordset per 5,000 rows, ten times faster
// than createMany here (the seed is not what is measured).
type TColumns = readonly (readonly [string, string])[];
const REQUEST_COLUMNS = [
  ["id", "uuid"],
  ["workflow_id", "uuid"],
  ["token_id", "uuid"],
  ["run_id", "text"],
  ["tool", "text"],
  ["consequence", '"Consequence"'],
  ["model", "text"],
  ["data_classes", "text[]"],
  ["tier", '"ApprovalTier"'],
  ["approvals_required", "int"],
  ["arguments_hash", "text"],
  ["arguments", "jsonb"],
  ["reasons", "jsonb"],
  ["registry_version", "text"],
  ["status", '"ApprovalStatus"'],
  ["created_at", "timestamptz"],
  ["escalate_at", "timestamptz"],
  ["escalated_at", "timestamptz"],
  ["expires_at", "timestamptz"],
  ["decided_at", "timestamptz"],
] as const;
const VOTE_COLUMNS = [
  ["approval_id", "uuid"],
  ["user_id", "uuid"],
  ["vote", '"ApprovalVoteKind"'],
  ["reason", "text"],
  ["created_at", "timestamptz"],
] as const;
type TRow<T extends TColumns> = Record<T[number][0], unknown>;

async function insertRows<T extends TColumns>(table: string, columns: T, rows: TRow<T>[]): Promise<void> {
  const isEnum = (type: string) => type.startsWith('"');
  const names = columns.map(([name]) => name).join(", ");
  const record = columns.map(([name, type]) => `${name} ${isEnum(type) ? "text" : type}`).join(", ");
  const values = columns.map(([name, type]) => (isEnum(type) ? `${name}::${type}` : name)).join(", ");
  for (let i = 0; i < rows.length; i += 5_000) {
    await db.$executeRawUnsafe(
      `INSERT INTO ${table} (${names}) SELECT ${values} FROM jsonb_to_recordset($1::jsonb) AS x(${record})`,
      JSON.stringify(rows.slice(i, i + 5_000)),
    );
  }
}

/**
 * 250 more workflows (one in 20 owned by approver@, one in 20 with approver@ Responsible, one token
 * in 25 created by approver@, all of which separation of duties hides from them), 5,000 pending
 * requests of their T2/T3 tools spread over each workflow's approval timeout (escalated once past
 * half-way), some T3 ones already approved once, and 20,000 decided ones as history.
 */
async function seedQueue(): Promise<{ workflowKey: string }> {
  const [admin, approver, approver2, ...owners] = await Promise.all(
    [
      "admin@tollgate.local",
      "approver@tollgate.local",
      "approver2@tollgate.local",
      "owner@tollgate.local",
      "owner2@tollgate.local",
      "data@tollgate.local",
    ].map(user),
  );
  if (!admin || !approver || !approver2) throw new Error("the demo users are missing");
  const gated = DEMO_TOOLS.filter((t) => DEFAULT_TIER[t.consequence] >= "T2");
  const workflows = Array.from({ length: QUEUE_WORKFLOWS }, (_, i) => ({
    id: randomUUID(),
    key: `queue-agent-${String(i).padStart(3, "0")}`,
    name: `Queue agent ${i}`,
    purpose: "Bench",
    environment: pick(["PROD", "PROD", "PROD", "STAGING", "DEV"] as const),
    status: "ACTIVE" as const,
    ownerId: i % 20 === 0 ? approver.id : pick(owners).id,
    approvalTimeoutMinutes: pick(TIMEOUT_MINUTES),
    maxTier: "T3" as const,
    tokenId: randomUUID(),
  }));
  await db.workflow.createMany({ data: workflows.map(({ tokenId: _, ...w }) => w) });
  await db.raciAssignment.createMany({
    data: workflows
      .filter((_, i) => i % 20 === 1)
      .map((w) => ({ workflowId: w.id, userId: approver.id, function: "WORKFLOW_OWNER" as const, role: "RESPONSIBLE" as const })),
  });
  await db.serviceToken.createMany({
    data: workflows.map((w, i) => ({
      id: w.tokenId,
      workflowId: w.id,
      name: "agent",
      prefix: `q${i}`,
      tokenHash: randomUUID(),
      scopes: ["DECIDE" as const],
      environment: w.environment,
      expiresAt: new Date(Date.now() + 86_400_000),
      createdById: i % 25 === 2 ? approver.id : admin.id,
    })),
  });

  const now = Date.now();
  const requests: TRow<typeof REQUEST_COLUMNS>[] = [];
  const votes: TRow<typeof VOTE_COLUMNS>[] = [];
  const voters = [approver, approver2, ...owners.filter((o) => o.roles.includes("APPROVER"))];
  for (let i = 0; i < PENDING + DECIDED; i++) {
    const workflow = pick(workflows);
    const tool = pick(gated);
    const tier = DEFAULT_TIER[tool.consequence];
    const timeoutMs = workflow.approvalTimeoutMinutes * 60_000;
    const pending = i < PENDING;
    const createdAt = pending ? now - random() * 0.95 * timeoutMs : now - timeoutMs - random() * 30 * 86_400_000;
    const escalateAt = createdAt + timeoutMs / 2;
    const args = { ref: `bench-${i}`, note: "Customer asked for this in ticket ZD-4411" };
    const id = randomUUID();
    const status = pending ? "PENDING" : pick(["APPROVED", "APPROVED", "DENIED", "EXPIRED", "CANCELLED"] as const);
    const decidedAt = pending ? null : new Date(createdAt + random() * timeoutMs);
    requests.push({
      id,
      workflow_id: workflow.id,
      token_id: random() < 0.9 ? workflow.tokenId : null,
      run_id: `run-${i % 1_500}`,
      tool: tool.key,
      consequence: tool.consequence,
      model: MODEL,
      data_classes: ["support-tickets"],
      tier,
      approvals_required: tier === "T3" ? 2 : 1,
      arguments_hash: createHash("sha256").update(JSON.stringify(args)).digest("hex"),
      arguments: args,
      reasons: [{ rule: 9, code: "approval_required", message: `${tool.key} is ${tier}: a person decides` }],
      registry_version: "r1.v1",
      status,
      created_at: new Date(createdAt),
      escalate_at: new Date(escalateAt),
      escalated_at: escalateAt <= now ? new Date(escalateAt) : null,
      expires_at: new Date(createdAt + timeoutMs),
      decided_at: decidedAt,
    });
    // Decided requests keep their votes: every approval and denial stays in approval_votes.
    const vote = (by: TUser, kind: "APPROVE" | "DENY") =>
      votes.push({ approval_id: id, user_id: by.id, vote: kind, reason: "looks right", created_at: decidedAt ?? new Date(now) });
    const first = Math.floor(random() * voters.length);
    if (status === "APPROVED")
      for (let k = 0; k < (tier === "T3" ? 2 : 1); k++) vote(voters[(first + k) % voters.length] as TUser, "APPROVE");
    if (status === "DENIED") vote(approver2, "DENY");
    if (pending && tier === "T3" && random() < 0.3) vote(random() < 0.15 ? approver : approver2, "APPROVE");
  }
  await insertRows("approval_requests", REQUEST_COLUMNS, requests);
  await insertRows("approval_votes", VOTE_COLUMNS, votes);
  await db.$executeRawUnsafe("ANALYZE");
  return { workflowKey: pick(workflows).key };
}

async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const form = new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, json: "true" });
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c?.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${response.status})`);
  return session;
}

async function benchQueue(databaseUrl: string): Promise<void> {
  const seeding = performance.now();
  const { workflowKey } = await seedQueue();
  const approver = await user("approver@tollgate.local");
  const security = await user("security@tollgate.local");
  const visible = await listApprovalQueue({ user: approver, query: ZApprovalQueueQuery.parse({}) });
  console.log(
    `\nseeded ${PENDING.toLocaleString("en")} pending + ${DECIDED.toLocaleString("en")} decided requests over ${QUEUE_WORKFLOWS} workflows in ${((performance.now() - seeding) / 1000).toFixed(1)} s; approver@ may decide ${visible.total.toLocaleString("en")} of them`,
  );
  const firstPage = visible.nextCursor ?? undefined;
  const scenarios: [string, TApprovalQueueQuery, TUser][] = [
    ["approver@, no filter (what /approvals shows first)", {}, approver],
    ["approver@, tier T3", { tier: "T3" }, approver],
    ["approver@, tool stripe.refund, PROD", { tool: "stripe.refund", environment: "PROD" }, approver],
    [`approver@, workflow ${workflowKey}`, { workflow: workflowKey }, approver],
    ["approver@, second page (cursor)", { cursor: firstPage }, approver],
    ["security@ (escalated requests only)", {}, security],
  ];

  header(
    `2. The approval queue with ${PENDING.toLocaleString("en")} pending requests: server time in-process (${ITERATIONS} runs after ${WARMUP} warm-up)`,
  );
  row("baseline: checkHealth() (what /api/health runs)", await measure(() => checkHealth()));
  for (const [label, query, who] of scenarios) {
    const parsed = ZApprovalQueueQuery.parse(query);
    row(`listApprovalQueue: ${label}`, await measure(() => listApprovalQueue({ user: who, query: parsed })), QUEUE_TARGET);
  }

  await withNextBuild(async (built) => {
    if (!built) return console.log("\nHTTP: skipped (no `next build` output in .next)");
    const app = await startAppServer({ databaseUrl, port: await freePort(), console: true });
    try {
      const cookie = await signIn(app.url, "approver@tollgate.local");
      const get = (path: string) =>
        fetch(`${app.url}${path}`, { headers: { cookie } }).then(async (res) => {
          if (!res.ok) throw new Error(`${path} answered ${res.status}`);
          await res.arrayBuffer();
        });
      header("   over HTTP on loopback (npm start's server, signed in as approver@: session, permission, query, JSON or HTML)");
      row("baseline: GET /api/health", await measure(() => get("/api/health")));
      for (const [label, query] of scenarios.filter(([, , who]) => who === approver)) {
        const search = new URLSearchParams(
          Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
        );
        row(`GET /api/v1/approval-queue: ${label}`, await measure(() => get(`/api/v1/approval-queue?${search}`)), QUEUE_TARGET);
      }
      row("GET /approvals (the page, rendered on the server with its first page)", await measure(() => get("/approvals")), QUEUE_TARGET);
    } finally {
      await app.stop();
    }
  });
}

async function main(): Promise<void> {
  const server = await startTestServer();
  const name = uniqueDatabaseName("tollgate_bench_approvals");
  try {
    const databaseUrl = await createMigratedDatabase(server.adminUrl, name);
    process.env.DATABASE_URL = databaseUrl;
    await seedDemoData({ db });
    await benchWakeUp(databaseUrl);
    await benchQueue(databaseUrl);
  } finally {
    await db.$disconnect();
    await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
