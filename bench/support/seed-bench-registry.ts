import { randomUUID } from "node:crypto";
import { DEFAULT_TIER } from "@/lib/contracts/registry-enums";
import { generateServiceToken } from "@/lib/server/auth/service-token-secret";
import type { TDb } from "@/lib/server/db/client";
import type { Prisma } from "@/lib/server/db/generated/client";
import { deriveWorkflowRisk } from "@/lib/server/shared/derive-workflow-risk";
import { DEMO_DATA_CLASSES, DEMO_MODELS } from "@/prisma/demo-data";
import { pick, random } from "./random";
import { CATALOG, type TCatalogTool } from "./tool-catalog";

export type TBenchWorkflow = {
  key: string;
  token: string;
  dataClasses: string[];
  models: string[];
  /** T0/T1 grants: the calls an automation makes all day. */
  routine: TCatalogTool[];
  /** T2/T3 grants: each call is recorded before its answer and opens an approval request. */
  gated: TCatalogTool[];
};

// Custom policies every decision's rule 8 must weigh (three global, one of its own for every
// tenth workflow), including one that applies to routine writes.
const GLOBAL_POLICIES = [
  {
    key: "no-restricted-money-in-prod",
    text: 'forbid (principal, action, resource) when { context.consequence == "MONEY_MOVEMENT" && context.maxSensitivity == "RESTRICTED" && context.environment == "PROD" };',
  },
  {
    key: "no-destructive-pii-in-prod",
    text: 'forbid (principal, action, resource) when { context.consequence == "DESTRUCTIVE" && context.tags.contains("PII") && context.environment == "PROD" };',
  },
  {
    key: "no-card-numbers-written",
    text: 'forbid (principal, action, resource) when { context.consequence == "WRITE" && context.detectedTags.contains("PCI") };',
  },
];

const CLASS_SETS = [
  ["support-tickets"],
  ["support-tickets", "customer-pii"],
  ["public-docs"],
  ["customer-pii", "payment-cards"],
  ["support-tickets", "payment-cards"],
];
const ref = (m: (typeof DEMO_MODELS)[number]) => `${m.provider}/${m.model}/${m.version}`;
const [OPENAI, ANTHROPIC, AZURE] = DEMO_MODELS;
const WORDS = ["refund", "triage", "notify", "cleanup", "access", "invoice", "churn", "summary", "claims", "onboarding"];

function sample<T>(items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < count) chosen.add(pick(items));
  return [...chosen];
}

const chunks = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / 2_000) }, (_, i) => rows.slice(i * 2_000, (i + 1) * 2_000));

/**
 * A registry of `workflows` ACTIVE PROD workflows × `toolsPerWorkflow` tools (four in five of
 * them T0/T1) over the 200-tool catalog, with data classes, approved models, rate limits on
 * writes, argument constraints and custom policies — and one DECIDE + INGEST token per workflow.
 * Inserted with createMany: the registry's own write path is not what is measured.
 */
export async function seedBenchRegistry(options: { db: TDb; workflows: number; toolsPerWorkflow: number }): Promise<TBenchWorkflow[]> {
  const { db } = options;
  const admin = await db.user.create({ data: { email: "bench-admin@example.test", name: "Bench Admin", roles: ["ADMIN"] } });
  await db.dataClass.createMany({ data: DEMO_DATA_CLASSES.map((d) => ({ ...d, tags: [...d.tags] })) });
  await db.approvedModel.createMany({ data: DEMO_MODELS.map((m) => ({ ...m, regions: [...m.regions] })) });
  await db.tool.createMany({
    data: CATALOG.map(({ key, name, system, consequence, argumentSchema }) => ({
      key,
      name,
      system,
      consequence,
      argumentSchema: argumentSchema as Prisma.InputJsonObject,
    })),
  });
  const toolIds = new Map((await db.tool.findMany({ select: { id: true, key: true } })).map((t) => [t.key, t.id]));
  const classes = new Map((await db.dataClass.findMany({ select: { id: true, key: true, sensitivity: true } })).map((c) => [c.key, c]));
  const modelIds = new Map((await db.approvedModel.findMany()).map((m) => [`${m.provider}/${m.model}/${m.version}`, m.id]));
  const routinePool = CATALOG.filter((t) => DEFAULT_TIER[t.consequence] <= "T1");
  const gatedPool = CATALOG.filter((t) => DEFAULT_TIER[t.consequence] >= "T2");

  const rows = {
    workflows: [] as Prisma.WorkflowCreateManyInput[],
    classes: [] as Prisma.WorkflowDataClassCreateManyInput[],
    models: [] as Prisma.WorkflowModelCreateManyInput[],
    tools: [] as Prisma.WorkflowToolCreateManyInput[],
    tokens: [] as Prisma.ServiceTokenCreateManyInput[],
    policies: [] as Prisma.PolicyCreateManyInput[],
  };
  const result: TBenchWorkflow[] = [];
  for (let i = 0; i < options.workflows; i++) {
    const id = randomUUID();
    const key = `${pick(WORDS)}-agent-${String(i).padStart(4, "0")}`;
    const dataClasses = pick(CLASS_SETS);
    const restricted = dataClasses.includes("payment-cards");
    const models = [ANTHROPIC, ...(random() < 0.5 ? [AZURE] : []), ...(!restricted && random() < 0.5 ? [OPENAI] : [])].map((m) =>
      ref(m as (typeof DEMO_MODELS)[number]),
    );
    const gatedCount = Math.round(options.toolsPerWorkflow / 5);
    const routine = sample(routinePool, options.toolsPerWorkflow - gatedCount);
    const gated = sample(gatedPool, gatedCount);
    const constrained = random() < 0.5;
    const tools = [...routine, ...gated].map((tool) => {
      const tier = DEFAULT_TIER[tool.consequence];
      const ratePerMinute =
        tier >= "T2" ? 60 : tool.consequence === "WRITE" ? 1_000 + 1_000 * Math.floor(random() * 5) : random() < 0.2 ? 10_000 : null;
      const constraints = constrained ? tool.constraints : null;
      return {
        workflowId: id,
        toolId: toolIds.get(tool.key) as string,
        tier,
        ratePerMinute,
        ...(constraints ? { argumentConstraints: constraints as Prisma.InputJsonObject } : {}),
      };
    });
    const sensitivities = dataClasses.map((c) => classes.get(c)?.sensitivity ?? "RESTRICTED");
    rows.workflows.push({
      id,
      key,
      name: `Bench ${key}`,
      purpose: "Bench",
      environment: "PROD",
      status: "ACTIVE",
      ownerId: admin.id,
      ...deriveWorkflowRisk({ sensitivities, tiers: tools.map((t) => t.tier) }),
    });
    rows.classes.push(...dataClasses.map((c) => ({ workflowId: id, dataClassId: classes.get(c)?.id as string })));
    rows.models.push(...models.map((m) => ({ workflowId: id, modelId: modelIds.get(m) as string })));
    rows.tools.push(...tools);
    const { token, prefix, tokenHash } = generateServiceToken();
    rows.tokens.push({
      workflowId: id,
      name: "bench",
      prefix,
      tokenHash,
      scopes: ["DECIDE", "INGEST"],
      environment: "PROD",
      expiresAt: new Date(Date.now() + 86_400_000),
      createdById: admin.id,
    });
    if (i % 10 === 0) {
      const frozen = routine[0] as TCatalogTool;
      rows.policies.push({
        key: `${key}-freeze`,
        name: `Freeze ${frozen.key} for ${key}`,
        text: `forbid (principal == Workflow::"${key}", action, resource == Tool::"${frozen.key}");`,
        createdById: admin.id,
      });
    }
    result.push({ key, token, dataClasses, models, routine, gated });
  }
  rows.policies.push(...GLOBAL_POLICIES.map((p) => ({ ...p, name: p.key, createdById: admin.id })));

  await db.policy.createMany({ data: rows.policies });
  for (const chunk of chunks(rows.workflows)) await db.workflow.createMany({ data: chunk });
  for (const chunk of chunks(rows.classes)) await db.workflowDataClass.createMany({ data: chunk });
  for (const chunk of chunks(rows.models)) await db.workflowModel.createMany({ data: chunk });
  for (const chunk of chunks(rows.tools)) await db.workflowTool.createMany({ data: chunk });
  for (const chunk of chunks(rows.tokens)) await db.serviceToken.createMany({ data: chunk });
  await db.$executeRawUnsafe("ANALYZE");
  return result;
}
