import "server-only";
import { modelRef } from "@/lib/contracts/registry";
import { DEFAULT_TIER } from "@/lib/contracts/registry-enums";
import { tierBelow } from "../shared/derive-workflow-risk";
import { compileArgumentValidator } from "./compile-argument-validator";
import { compileCedarSlices } from "./compile-cedar-slices";
import {
  sensitivityRank,
  type TCedarSlice,
  type TCompiledModel,
  type TCompiledToolGrant,
  type TCompiledWorkflowSnapshot,
  type TDataTag,
  type TSensitivity,
  type TWorkflowRegistryRecord,
} from "./types";

const higher = (a: TSensitivity | undefined, b: TSensitivity): TSensitivity =>
  a !== undefined && sensitivityRank(a) >= sensitivityRank(b) ? a : b;

// The registry never stores a tier below the consequence default; if a row ever did, the gate
// still holds the floor rather than trusting it.
const tierOf = (tool: TWorkflowRegistryRecord["tools"][number]) => {
  const floor = DEFAULT_TIER[tool.consequence];
  return tierBelow(tool.tier, floor) ? floor : tool.tier;
};

function compileGrant(workflowId: string, tool: TWorkflowRegistryRecord["tools"][number], cedar: TCedarSlice | null): TCompiledToolGrant {
  return Object.freeze({
    key: tool.key,
    consequence: tool.consequence,
    tier: tierOf(tool),
    ratePerMinute: tool.ratePerMinute,
    rateKey: `${workflowId}/${tool.key}`,
    contract: compileArgumentValidator({ schema: tool.argumentSchema }),
    constraints: tool.argumentConstraints == null ? null : compileArgumentValidator({ schema: tool.argumentConstraints }),
    cedar,
  });
}

/**
 * Compiles one workflow's registry record into the immutable snapshot every decision for it reads:
 * tool grants with their validators compiled once, the declared data classes and tags, the models
 * by `provider/model/version`, and per tool the slice of custom Cedar policies that can fire, pre-parsed.
 * `registryVersion` is stamped by the loader and reported with every decision made against it.
 */
export function compileWorkflowSnapshot(options: { record: TWorkflowRegistryRecord; registryVersion: string }): TCompiledWorkflowSnapshot {
  const { record, registryVersion } = options;

  const cedar = compileCedarSlices({
    workflowKey: record.key,
    environment: record.environment,
    tools: record.tools.map((tool) => ({ key: tool.key, consequence: tool.consequence, tier: tierOf(tool) })),
    policies: record.policies,
  });
  const tools = new Map<string, TCompiledToolGrant>();
  for (const tool of record.tools) tools.set(tool.key, compileGrant(record.id, tool, cedar.byTool.get(tool.key) ?? null));

  const dataClasses = new Map<string, { sensitivity: TSensitivity; tags: readonly TDataTag[] }>();
  const tagSensitivity = new Map<TDataTag, TSensitivity>();
  let highestSensitivity: TSensitivity | null = null;
  for (const dataClass of record.dataClasses) {
    dataClasses.set(dataClass.key, Object.freeze({ sensitivity: dataClass.sensitivity, tags: Object.freeze([...dataClass.tags]) }));
    for (const tag of dataClass.tags) tagSensitivity.set(tag, higher(tagSensitivity.get(tag), dataClass.sensitivity));
    highestSensitivity = higher(highestSensitivity ?? undefined, dataClass.sensitivity);
  }

  const models = new Map<string, TCompiledModel>();
  for (const model of record.models) {
    const ref = modelRef(model);
    models.set(ref, Object.freeze({ ref, status: model.status, maxSensitivity: model.maxSensitivity }));
  }

  return Object.freeze({
    registryVersion,
    workflowId: record.id,
    workflowKey: record.key,
    status: record.status,
    environment: record.environment,
    version: record.version,
    tools,
    dataClasses,
    declaredTags: new Set(tagSensitivity.keys()),
    tagSensitivity,
    highestSensitivity,
    models,
    cedarProblems: Object.freeze(cedar.problems),
  });
}
