import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { DEFAULT_TIER } from "@/lib/contracts/registry-enums";
import { ZWorkflowListQuery } from "@/lib/contracts/workflows";
import { hashPassword } from "@/lib/server/auth/password";
import { checkHealth } from "@/lib/server/db/check-health";
import { db } from "@/lib/server/db/client";
import type { Prisma } from "@/lib/server/db/generated/client";
import { deriveWorkflowRisk } from "@/lib/server/shared/derive-workflow-risk";
import { listWorkflows } from "@/lib/server/registry/workflows/list-workflows";
import type { TSessionUser } from "@/lib/server/authz/principal";
import { DEMO_DATA_CLASSES, DEMO_MODELS, DEMO_TOOLS } from "@/prisma/demo-data";
import { createMigratedDatabase, dropDatabase, startTestServer, uniqueDatabaseName } from "@/test/support/postgres";

// Issue "registry", performance: with 10,000 workflows the list (first page, filtered and sorted)
// answers in p95 ≤ 150 ms of server time. Measured on the domain function the route runs and, when
// a build exists (`next build`), on the real HTTP route — each beside /api/health in the same run.
// Run: npx tsx --conditions=react-server bench/workflow-list.ts
const WORKFLOWS = 10_000;
const OWNERS = 100;
const WARMUP = 30;
const ITERATIONS = 300;
const APP_PORT = 3221;
const PASSWORD = "bench-password-2026";

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const some = <T>(items: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(items))),
];
const WORDS = ["refund", "triage", "notify", "cleanup", "access", "invoice", "churn", "summary", "claims", "onboarding"];

async function seedRegistry() {
  const passwordHash = await hashPassword(PASSWORD);
  const admin = await db.user.create({ data: { email: "bench-admin@example.test", name: "Bench Admin", roles: ["ADMIN"], passwordHash } });
  const owners = Array.from({ length: OWNERS }, (_, i) => ({
    id: randomUUID(),
    email: `owner${i}@example.test`,
    name: `Owner ${i}`,
    roles: ["OWNER" as const],
  }));
  await db.user.createMany({ data: owners });
  await db.dataClass.createMany({ data: DEMO_DATA_CLASSES.map((d) => ({ ...d, tags: [...d.tags] })) });
  await db.approvedModel.createMany({ data: DEMO_MODELS.map((m) => ({ ...m, regions: [...m.regions] })) });
  await db.tool.createMany({ data: DEMO_TOOLS.map((t) => ({ ...t, argumentSchema: t.argumentSchema as Prisma.InputJsonObject })) });
  const classes = await db.dataClass.findMany({ select: { id: true, sensitivity: true } });
  const tools = await db.tool.findMany({ select: { id: true, consequence: true } });

  const workflows: Prisma.WorkflowCreateManyInput[] = [];
  const links: {
    classes: Prisma.WorkflowDataClassCreateManyInput[];
    tools: Prisma.WorkflowToolCreateManyInput[];
    raci: Prisma.RaciAssignmentCreateManyInput[];
  } = { classes: [], tools: [], raci: [] };
  for (let i = 0; i < WORKFLOWS; i++) {
    const id = randomUUID();
    const owner = pick(owners);
    const declared = some(classes, 3);
    const granted = some(tools, 3);
    const word = pick(WORDS);
    const risk = deriveWorkflowRisk({
      sensitivities: declared.map((d) => d.sensitivity),
      tiers: granted.map((t) => DEFAULT_TIER[t.consequence]),
    });
    workflows.push({
      id,
      key: `${word}-${i}`,
      name: `${word[0]?.toUpperCase()}${word.slice(1)} agent ${i}`,
      purpose: "Bench",
      environment: pick(["DEV", "STAGING", "PROD"] as const),
      status: pick(["DRAFT", "ACTIVE", "ACTIVE", "ACTIVE", "PAUSED", "RETIRED"] as const),
      ownerId: owner.id,
      ...risk,
      updatedAt: new Date(Date.now() - Math.floor(random() * 90 * 86_400_000)),
    });
    links.classes.push(...declared.map((d) => ({ workflowId: id, dataClassId: d.id })));
    links.tools.push(...granted.map((t) => ({ workflowId: id, toolId: t.id, tier: DEFAULT_TIER[t.consequence] })));
    links.raci.push({ workflowId: id, userId: owner.id, function: "WORKFLOW_OWNER", role: "ACCOUNTABLE" });
  }
  const chunks = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / 2_000) }, (_, i) => rows.slice(i * 2_000, (i + 1) * 2_000));
  for (const chunk of chunks(workflows)) await db.workflow.createMany({ data: chunk });
  for (const chunk of chunks(links.classes)) await db.workflowDataClass.createMany({ data: chunk });
  for (const chunk of chunks(links.tools)) await db.workflowTool.createMany({ data: chunk });
  for (const chunk of chunks(links.raci)) await db.raciAssignment.createMany({ data: chunk });
  await db.$executeRawUnsafe("ANALYZE");
  return {
    admin: { id: admin.id, email: admin.email, name: admin.name, roles: admin.roles },
    owner: { ...owners[0]!, roles: [...owners[0]!.roles] },
  };
}

async function measure(run: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

type TFigure = { p50: number; p95: number };
const ms = (n: number) => `${n.toFixed(2)} ms`;
function report(label: string, figure: TFigure, baseline: TFigure) {
  const verdict = figure.p95 <= 150 ? "within" : "OVER";
  console.log(
    `  ${label.padEnd(72)} p50 ${ms(figure.p50).padStart(9)}  p95 ${ms(figure.p95).padStart(9)}  (${(figure.p95 / baseline.p95).toFixed(1)}x health p95; ${verdict} 150 ms)`,
  );
}

const SCENARIOS: [string, Record<string, string>, "admin" | "owner"][] = [
  [
    "active PROD, sensitivity ≥ CONFIDENTIAL, by name",
    { status: "ACTIVE", environment: "PROD", maxSensitivity: "CONFIDENTIAL", sort: "name" },
    "admin",
  ],
  ["search 'refund', tier ≥ T2, newest first", { search: "refund", maxTier: "T2", sort: "updatedAt" }, "admin"],
  ["no filter, newest first", {}, "admin"],
  ["no filter, by status, page 200 (offset 4,975)", { sort: "status", page: "200" }, "admin"],
  ["an OWNER's own workflows, by key", { sort: "key" }, "owner"],
];

/**
 * Halted chips and the "Halted only" filter: with a workflow, a tool and a provider switch engaged,
 * every list reads the engaged switches once and the page's partial halts in one query. Released
 * again afterwards, so the HTTP figures below are measured as before.
 */
async function measureHalts(admin: TSessionUser, health: TFigure) {
  const [workflow, tool] = await Promise.all([db.workflow.findFirstOrThrow({ select: { key: true } }), db.tool.findFirstOrThrow()]);
  const engaged = { reason: "bench", engagedByType: "system", engagedByLabel: "bench" };
  await db.killSwitch.createMany({
    data: [
      { ...engaged, scope: "WORKFLOW", target: workflow.key },
      { ...engaged, scope: "TOOL", target: tool.key },
      { ...engaged, scope: "PROVIDER", target: "anthropic" },
    ],
  });
  const halted = await listWorkflows({ user: admin, query: ZWorkflowListQuery.parse({ halted: "true" }) });
  console.log(
    `\n  with 3 switches engaged (workflow ${workflow.key}, tool ${tool.key}, provider anthropic): ${halted.total} workflows halted`,
  );
  for (const [label, query] of [
    ["no filter, newest first, halts shown", {}],
    ["halted only, newest first", { halted: "true" }],
    ["not halted, active PROD, by name", { halted: "false", status: "ACTIVE", environment: "PROD", sort: "name" }],
  ] as const) {
    const parsed = ZWorkflowListQuery.parse(query);
    report(label, await measure(() => listWorkflows({ user: admin, query: parsed })), health);
  }
  await db.killSwitch.updateMany({ where: { releasedAt: null }, data: { releasedAt: new Date() } });
}

async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const form = new URLSearchParams({ csrfToken, email: "bench-admin@example.test", password: PASSWORD, json: "true" });
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

async function startApp(databaseUrl: string): Promise<ChildProcess> {
  const next = path.join("node_modules", "next", "dist", "bin", "next");
  const base = `http://127.0.0.1:${APP_PORT}`;
  const child = spawn(process.execPath, [next, "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error("next start exited before answering");
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const server = await startTestServer();
  const name = uniqueDatabaseName("tollgate_bench");
  let app: ChildProcess | undefined;
  try {
    process.env.DATABASE_URL = await createMigratedDatabase(server.adminUrl, name);
    const seeding = performance.now();
    const users = await seedRegistry();
    console.log(
      `seeded ${WORKFLOWS.toLocaleString("en")} workflows in ${((performance.now() - seeding) / 1000).toFixed(1)} s; ${ITERATIONS} timed runs each after ${WARMUP} warm-up\n`,
    );

    console.log("server time in-process (the domain function the route runs)");
    const health = await measure(() => checkHealth());
    console.log(
      `  ${"baseline: checkHealth() (what /api/health runs)".padEnd(72)} p50 ${ms(health.p50).padStart(9)}  p95 ${ms(health.p95).padStart(9)}`,
    );
    for (const [label, query, who] of SCENARIOS) {
      const parsed = ZWorkflowListQuery.parse(query);
      report(label, await measure(() => listWorkflows({ user: users[who], query: parsed })), health);
    }
    await measureHalts(users.admin, health);

    if (!existsSync(path.join(".next", "BUILD_ID"))) return console.log("\nHTTP: skipped (no `next build` output in .next)");
    app = await startApp(process.env.DATABASE_URL);
    const base = `http://127.0.0.1:${APP_PORT}`;
    const cookie = await signIn(base);
    console.log("\nHTTP round trip on loopback (next start, signed in as ADMIN: session, permission, query, JSON)");
    const get = (url: string) =>
      fetch(url, { headers: { cookie } }).then(async (r) => {
        if (!r.ok) throw new Error(`${url} answered ${r.status}`);
        await r.arrayBuffer();
      });
    const httpHealth = await measure(() => get(`${base}/api/health`));
    console.log(`  ${"baseline: GET /api/health".padEnd(72)} p50 ${ms(httpHealth.p50).padStart(9)}  p95 ${ms(httpHealth.p95).padStart(9)}`);
    for (const [label, query] of SCENARIOS.filter(([, , w]) => w === "admin")) {
      report(
        `GET /api/v1/workflows: ${label}`,
        await measure(() => get(`${base}/api/v1/workflows?${new URLSearchParams(query)}`)),
        httpHealth,
      );
    }
  } finally {
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app?.once("exit", resolve));
    }
    await db.$disconnect();
    await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
  }
}

void main();
