import { DEFAULT_TIER } from "@/lib/contracts/registry-enums";
import { deriveWorkflowRisk } from "@/lib/server/shared/derive-workflow-risk";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { hashPassword } from "@/lib/server/auth/password";
import { generateServiceToken } from "@/lib/server/auth/service-token-secret";
import type { TDb, TTx } from "@/lib/server/db/client";
import type { Prisma } from "@/lib/server/db/generated/client";
import { DEMO_DATA_CLASSES, DEMO_MODELS, DEMO_PASSWORD, DEMO_TOOLS, DEMO_USERS, DEMO_WORKFLOWS } from "./demo-data";
import { runAudited } from "@/lib/server/audit/run-audited";

const DAY_MS = 86_400_000;

/** Fills an empty database with the demo inventory; leaves a database with any user untouched. */
export async function seedDemoData(options: { db: TDb }): Promise<{ seeded: boolean }> {
  if ((await options.db.user.count()) > 0) return { seeded: false };
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  await runAudited(
    options.db,
    async (tx) => {
      const users = new Map<string, string>();
      for (const [i, user] of DEMO_USERS.entries()) {
        const created = await tx.user.create({ data: { ...user, roles: [...user.roles], passwordHash: hashes[i] ?? null } });
        users.set(user.email, created.id);
      }
      const classes = await createCatalog(tx);
      for (const workflow of DEMO_WORKFLOWS) await createWorkflow(tx, workflow, users, classes);
      await recordAuditEvent(
        tx,
        { type: "system", id: null, label: "seed" },
        {
          action: "system.seeded",
          data: { workflows: DEMO_WORKFLOWS.length, users: DEMO_USERS.length },
        },
      );
    },
    { timeout: 60_000 },
  );
  return { seeded: true };
}

type TIds = {
  sensitivity: Map<string, (typeof DEMO_DATA_CLASSES)[number]["sensitivity"]>;
  dataClasses: Map<string, string>;
  models: Map<string, string>;
  tools: Map<string, { id: string; consequence: keyof typeof DEFAULT_TIER }>;
};

async function createCatalog(tx: TTx): Promise<TIds> {
  const ids: TIds = {
    sensitivity: new Map(DEMO_DATA_CLASSES.map((d) => [d.key, d.sensitivity])),
    dataClasses: new Map(),
    models: new Map(),
    tools: new Map(),
  };
  for (const dc of DEMO_DATA_CLASSES) {
    const row = await tx.dataClass.create({ data: { ...dc, tags: [...dc.tags] } });
    ids.dataClasses.set(dc.key, row.id);
  }
  for (const m of DEMO_MODELS) {
    const row = await tx.approvedModel.create({ data: { ...m, regions: [...m.regions] } });
    ids.models.set(`${m.provider}/${m.model}`, row.id);
  }
  for (const t of DEMO_TOOLS) {
    const row = await tx.tool.create({ data: { ...t, argumentSchema: t.argumentSchema as Prisma.InputJsonObject } });
    ids.tools.set(t.key, { id: row.id, consequence: t.consequence });
  }
  return ids;
}

async function createWorkflow(tx: TTx, w: (typeof DEMO_WORKFLOWS)[number], users: Map<string, string>, ids: TIds) {
  const id = (map: Map<string, string>, key: string) => {
    const value = map.get(key);
    if (!value) throw new Error(`demo data refers to unknown ${key}`);
    return value;
  };
  const ownerId = id(users, w.owner);
  const drafted = w.status === "DRAFT";
  const completeRaci: Prisma.RaciAssignmentCreateWithoutWorkflowInput[] = [
    { user: { connect: { id: ownerId } }, function: "WORKFLOW_OWNER", role: "ACCOUNTABLE" },
    { user: { connect: { id: id(users, "data@tollgate.local") } }, function: "DATA_OWNER", role: "RESPONSIBLE" },
    { user: { connect: { id: id(users, "admin@tollgate.local") } }, function: "PLATFORM_OWNER", role: "CONSULTED" },
    { user: { connect: { id: id(users, "ciso@tollgate.local") } }, function: "SECURITY", role: "INFORMED" },
  ];
  // Drafts are deliberately incomplete, so the registry has something to ask for.
  const raci = drafted ? completeRaci.slice(0, 2) : completeRaci;
  const tiers = w.tools.map((t) => t.raiseTo ?? DEFAULT_TIER[ids.tools.get(t.key)?.consequence ?? "READ"]);
  const risk = deriveWorkflowRisk({ sensitivities: w.dataClasses.map((key) => ids.sensitivity.get(key) ?? "PUBLIC"), tiers });
  const workflow = await tx.workflow.create({
    data: {
      ...risk,
      key: w.key,
      name: w.name,
      purpose: w.purpose,
      environment: w.environment,
      status: w.status,
      ownerId,
      runbook: drafted ? "" : `If halted: route ${w.name.toLowerCase()} work to the on-call queue and handle it by hand.`,
      raci: { create: raci },
      dataClasses: { create: w.dataClasses.map((key) => ({ dataClassId: id(ids.dataClasses, key) })) },
      models: { create: w.models.map((key) => ({ modelId: id(ids.models, key) })) },
      tools: {
        create: w.tools.map((t) => {
          const tool = ids.tools.get(t.key);
          if (!tool) throw new Error(`demo data refers to unknown tool ${t.key}`);
          return {
            toolId: tool.id,
            ratePerMinute: t.ratePerMinute ?? null,
            argumentConstraints: t.maxAmount ? { type: "object", properties: { amount: { maximum: t.maxAmount } } } : undefined,
            tier: t.raiseTo ?? DEFAULT_TIER[tool.consequence],
          };
        }),
      },
    },
  });
  if (w.status === "ACTIVE" || w.status === "PAUSED") {
    const { prefix, tokenHash } = generateServiceToken();
    await tx.serviceToken.create({
      data: {
        workflowId: workflow.id,
        name: "production runner",
        prefix,
        tokenHash,
        scopes: ["DECIDE", "INGEST", "APPROVE_REQUEST"],
        environment: w.environment,
        expiresAt: new Date(Date.now() + 90 * DAY_MS),
        createdById: ownerId,
      },
    });
  }
}
