import "server-only";
import type { TWorkflowSummary } from "@/lib/contracts/workflows";

const PERSON_SELECT = { id: true, name: true, email: true } as const;

/** The columns a list row needs: no joins beyond the owner, so 10,000 rows page quickly. */
export const WORKFLOW_SUMMARY_SELECT = {
  id: true,
  key: true,
  name: true,
  environment: true,
  status: true,
  maxSensitivity: true,
  maxTier: true,
  version: true,
  updatedAt: true,
  owner: { select: PERSON_SELECT },
} as const;

export type TWorkflowSummaryRow = {
  id: string;
  key: string;
  name: string;
  environment: TWorkflowSummary["environment"];
  status: TWorkflowSummary["status"];
  maxSensitivity: TWorkflowSummary["maxSensitivity"];
  maxTier: TWorkflowSummary["maxTier"];
  version: number;
  updatedAt: Date;
  owner: { id: string; name: string; email: string };
};

export function toWorkflowSummary(row: TWorkflowSummaryRow): TWorkflowSummary {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    environment: row.environment,
    status: row.status,
    owner: row.owner,
    maxSensitivity: row.maxSensitivity,
    maxTier: row.maxTier,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A workflow's full registry entry: basics, owner, RACI and permission set with catalog facts. */
export const WORKFLOW_DETAIL_SELECT = {
  ...WORKFLOW_SUMMARY_SELECT,
  purpose: true,
  runbook: true,
  approvalTimeoutMinutes: true,
  createdAt: true,
  raci: { select: { function: true, role: true, user: { select: PERSON_SELECT } } },
  dataClasses: { select: { dataClass: { select: { key: true, name: true, sensitivity: true, tags: true } } } },
  models: {
    select: { model: { select: { provider: true, model: true, version: true, status: true, maxSensitivity: true } } },
  },
  tools: {
    select: {
      ratePerMinute: true,
      argumentConstraints: true,
      tier: true,
      tool: { select: { key: true, name: true, system: true, consequence: true, argumentSchema: true } },
    },
  },
} as const;

/** A tool's argument contract counts only when it is a JSON Schema that says something. */
export function hasArgumentContract(schema: unknown): boolean {
  return typeof schema === "object" && schema !== null && !Array.isArray(schema) && Object.keys(schema).length > 0;
}
