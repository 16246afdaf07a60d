import { DEFAULT_TIER, type TApprovalTier } from "@/lib/contracts/registry-enums";
import {
  APPROVAL_TIMEOUT_DEFAULT_MINUTES,
  ZCreateWorkflow,
  type TCreateWorkflow,
  type TRaciAssignment,
  type TWorkflowChoices,
} from "@/lib/contracts/workflows";

export type TToolDraft = { toolKey: string; tier: TApprovalTier; ratePerMinute: string; amountCap: string; constraints: string };

/** The wizard's working copy: text as typed, turned into a TCreateWorkflow only on validation. */
export type TDraft = {
  key: string;
  name: string;
  purpose: string;
  environment: "DEV" | "STAGING" | "PROD";
  runbook: string;
  approvalTimeoutMinutes: string;
  ownerId: string;
  raci: TRaciAssignment[];
  dataClassKeys: string[];
  modelRefs: string[];
  tools: TToolDraft[];
};

/** Field path (e.g. "tools.0.constraints") → the first problem with it. */
export type TErrors = Record<string, string>;

export const STEPS = [
  { id: "purpose", label: "Purpose" },
  { id: "people", label: "Owner and RACI" },
  { id: "data", label: "Data and models" },
  { id: "tools", label: "Tools" },
  { id: "review", label: "Review" },
] as const;
export type TStep = (typeof STEPS)[number]["id"];

export function initialDraft(options: { ownerId: string; key?: string }): TDraft {
  return {
    key: options.key ?? "",
    name: "",
    purpose: "",
    environment: "DEV",
    runbook: "",
    approvalTimeoutMinutes: String(APPROVAL_TIMEOUT_DEFAULT_MINUTES),
    ownerId: options.ownerId,
    raci: [{ userId: options.ownerId, function: "WORKFLOW_OWNER", role: "ACCOUNTABLE" }],
    dataClassKeys: [],
    modelRefs: [],
    tools: [],
  };
}

export function toolDraft(tool: TWorkflowChoices["tools"][number]): TToolDraft {
  return { toolKey: tool.key, tier: DEFAULT_TIER[tool.consequence], ratePerMinute: "", amountCap: "", constraints: "" };
}

/** A tool's constraints: the JSON typed, with an amount cap folded in as `properties.amount.maximum`. */
function constraintsOf(tool: TToolDraft, index: number, errors: TErrors): Record<string, unknown> | null {
  let schema: Record<string, unknown> | null = null;
  let broken = false;
  if (tool.constraints.trim()) {
    try {
      const parsed: unknown = JSON.parse(tool.constraints);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      schema = parsed as Record<string, unknown>;
    } catch {
      errors[`tools.${index}.constraints`] = 'Write a JSON object, e.g. {"properties": {"amount": {"maximum": 500}}}';
      broken = true;
    }
  }
  const cap = Number(tool.amountCap);
  if (tool.amountCap.trim() && (!Number.isFinite(cap) || cap <= 0)) errors[`tools.${index}.amountCap`] = "Enter a positive number";
  if (broken || !tool.amountCap.trim() || errors[`tools.${index}.amountCap`]) return schema;
  const base = schema ?? { type: "object" };
  const properties = (typeof base.properties === "object" && base.properties !== null ? base.properties : {}) as Record<string, unknown>;
  const amount = (typeof properties.amount === "object" && properties.amount !== null ? properties.amount : {}) as Record<string, unknown>;
  return { ...base, properties: { ...properties, amount: { ...amount, maximum: cap } } };
}

/** The request the wizard would send, and every problem zod and the JSON parser find in it. */
export function validateDraft(draft: TDraft, options: { isAdmin: boolean; selfId: string }): { input: TCreateWorkflow; errors: TErrors } {
  const errors: TErrors = {};
  const input: TCreateWorkflow = {
    key: draft.key,
    name: draft.name,
    purpose: draft.purpose,
    environment: draft.environment,
    runbook: draft.runbook,
    // Blank is not a number: it must not quietly fall back to the default.
    approvalTimeoutMinutes: draft.approvalTimeoutMinutes.trim() ? Number(draft.approvalTimeoutMinutes) : Number.NaN,
    ...(options.isAdmin && draft.ownerId !== options.selfId ? { ownerId: draft.ownerId } : {}),
    raci: draft.raci,
    permissions: {
      dataClassKeys: draft.dataClassKeys,
      modelRefs: draft.modelRefs,
      tools: draft.tools.map((t, i) => ({
        toolKey: t.toolKey,
        tier: t.tier,
        ratePerMinute: t.ratePerMinute.trim() ? Number(t.ratePerMinute) : null,
        argumentConstraints: constraintsOf(t, i, errors),
      })),
    },
  };
  const parsed = ZCreateWorkflow.safeParse(input);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const path = issue.path
      .map(String)
      .join(".")
      .replace(/^permissions\./, "");
    errors[path] ??= issue.message;
  }
  if (draft.raci.filter((a) => a.role === "ACCOUNTABLE").length !== 1) errors.raci ??= "Name exactly one Accountable person";
  return { input, errors };
}

/** Which step shows a field, so a problem found at the end sends the person back to the right place. */
export function stepOf(path: string): TStep {
  const head = path.split(".")[0] ?? "";
  if (["ownerId", "raci"].includes(head)) return "people";
  if (["dataClassKeys", "modelRefs"].includes(head)) return "data";
  if (head === "tools") return "tools";
  if (["key", "name", "purpose", "environment", "approvalTimeoutMinutes", "runbook"].includes(head)) return "purpose";
  return "review";
}
