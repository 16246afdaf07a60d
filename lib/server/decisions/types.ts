import "server-only";
import type { ValidateFunction } from "ajv/dist/2020";
import type { z } from "zod";
import {
  ZSensitivity,
  type TApprovalTier,
  type TConsequence,
  type ZDataTag,
  type ZEnvironment,
  type ZWorkflowStatus,
} from "@/lib/contracts/registry-enums";
import type { TCedarContextAttribute } from "./cedar-schema";

export type TEnvironment = z.infer<typeof ZEnvironment>;
export type TWorkflowStatus = z.infer<typeof ZWorkflowStatus>;
export type TSensitivity = z.infer<typeof ZSensitivity>;
export type TDataTag = z.infer<typeof ZDataTag>;

/** PUBLIC 0 < INTERNAL 1 < CONFIDENTIAL 2 < RESTRICTED 3. */
export const sensitivityRank = (s: TSensitivity): number => ZSensitivity.options.indexOf(s);
export const sensitivityOfRank = (rank: number): TSensitivity => ZSensitivity.options[rank] ?? "RESTRICTED";

/**
 * One workflow as the loader reads it from the registry: plain data, no Prisma types, so the
 * engine stays pure and tests build it by hand. `policies` are the enabled custom policies
 * (all of them is fine: compiling slices out the ones that can apply to this workflow).
 */
export type TWorkflowRegistryRecord = {
  id: string;
  key: string;
  status: TWorkflowStatus;
  environment: TEnvironment;
  version: number;
  dataClasses: readonly { key: string; sensitivity: TSensitivity; tags: readonly TDataTag[] }[];
  models: readonly { provider: string; model: string; version: string; status: "APPROVED" | "SUSPENDED"; maxSensitivity: TSensitivity }[];
  tools: readonly {
    key: string;
    consequence: TConsequence;
    argumentSchema: unknown;
    argumentConstraints: unknown;
    ratePerMinute: number | null;
    tier: TApprovalTier;
  }[];
  policies: readonly { key: string; version: number; text: string }[];
};

/** A JSON Schema compiled once; `problem` when it could not be, which denies every call (fail closed). */
export type TSchemaCheck = { validate: ValidateFunction; problem: null } | { validate: null; problem: string };

export type TCedarPolicyRef = Readonly<{ key: string; version: number }>;
export type TCedarProblem = TCedarPolicyRef & { message: string };

/** The custom forbid policies that can fire on one tool's calls, pre-parsed as one Cedar policy set. */
export type TCedarSlice = Readonly<{
  policySetId: string;
  /** Cedar policy id → policy text, as pre-parsed under `policySetId` (with the built-in permit). */
  staticPolicies: Readonly<Record<string, string>>;
  /** Cedar policy id → the custom policy it came from. */
  sources: ReadonlyMap<string, TCedarPolicyRef>;
  /** Only these context attributes are built and sent: each one costs µs at the wasm boundary. */
  contextAttributes: ReadonlySet<TCedarContextAttribute>;
}>;

export type TCompiledToolGrant = Readonly<{
  key: string;
  consequence: TConsequence;
  tier: TApprovalTier;
  ratePerMinute: number | null;
  rateKey: string;
  contract: TSchemaCheck;
  constraints: TSchemaCheck | null;
  /** Null when no custom policy can forbid a call of this tool by this workflow. */
  cedar: TCedarSlice | null;
}>;

export type TCompiledModel = Readonly<{ ref: string; status: "APPROVED" | "SUSPENDED"; maxSensitivity: TSensitivity }>;

export type TCompiledWorkflowSnapshot = Readonly<{
  registryVersion: string;
  workflowId: string;
  workflowKey: string;
  status: TWorkflowStatus;
  environment: TEnvironment;
  version: number;
  tools: ReadonlyMap<string, TCompiledToolGrant>;
  dataClasses: ReadonlyMap<string, Readonly<{ sensitivity: TSensitivity; tags: readonly TDataTag[] }>>;
  declaredTags: ReadonlySet<TDataTag>;
  /** Per declared tag, the highest sensitivity of a declared class carrying it: what DLP findings weigh. */
  tagSensitivity: ReadonlyMap<TDataTag, TSensitivity>;
  highestSensitivity: TSensitivity | null;
  models: ReadonlyMap<string, TCompiledModel>;
  /** Custom policies that could not be read: rule 8 denies every call while there are any (fail closed). */
  cedarProblems: readonly TCedarProblem[];
}>;

export type TKillSwitchScope = "GLOBAL" | "WORKFLOW" | "TOOL" | "MODEL" | "PROVIDER";

/**
 * Read-only view of the engaged kill switches, answered from memory. Targets are keys: workflow
 * key, tool key, model ref `provider/model/version`, provider name; GLOBAL has target "*".
 */
export type TKillSwitchView = {
  engaged(options: { scope: TKillSwitchScope; target: string }): { reason: string } | null;
  /** Why the engaged set is not known right now (e.g. the NOTIFY connection is down); rule 1 then denies. */
  unknown?: string | null;
};

export type TRateTake = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Synchronous on purpose: a decision never waits on another process. A cross-instance limiter
 * answers from state it keeps in memory (e.g. a quota leased from Postgres).
 */
export type TRateLimiter = {
  tryTake(options: { key: string; perMinute: number; now: number }): TRateTake;
};
