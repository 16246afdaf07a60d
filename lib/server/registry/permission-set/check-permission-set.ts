import "server-only";
import { DEFAULT_TIER } from "@/lib/contracts/registry-enums";
import { modelRef, type TPermissionSet } from "@/lib/contracts/registry";
import type { TFieldProblem } from "@/lib/contracts/errors";
import type { TTx } from "../../db/client";
import { AppError } from "../../errors";
import { tierBelow } from "../../shared/derive-workflow-risk";
import { jsonSchemaProblems } from "../../shared/json-schema";

export type TResolvedPermissionSet = {
  set: TPermissionSet;
  dataClasses: { id: string; key: string; sensitivity: "PUBLIC" | "INTERNAL" | "CONFIDENTIAL" | "RESTRICTED" }[];
  models: { id: string; ref: string; status: "APPROVED" | "SUSPENDED" }[];
  tools: { id: string; key: string; grant: TPermissionSet["tools"][number] }[];
};

const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

/**
 * Resolves a permission set against the catalogs and refuses it, field by field, when it names
 * something unknown, repeats itself, lowers a tier below its consequence or carries an invalid
 * constraint schema. `at` prefixes each problem's path (e.g. "body.permissions").
 */
export async function checkPermissionSet(options: { tx: TTx; set: TPermissionSet; at: string }): Promise<TResolvedPermissionSet> {
  const { tx, set, at } = options;
  const problems: TFieldProblem[] = [];
  // Share-lock the catalog rows the set relies on: a concurrent sensitivity or consequence change
  // (which locks them for update) then waits for this write instead of slipping past its checks.
  await tx.$queryRaw`SELECT 1 FROM data_classes WHERE key = ANY(${set.dataClassKeys}::text[]) FOR SHARE`;
  await tx.$queryRaw`SELECT 1 FROM tools WHERE key = ANY(${set.tools.map((t) => t.toolKey)}::text[]) FOR SHARE`;
  const [dataClasses, models, tools] = await Promise.all([
    tx.dataClass.findMany({ where: { key: { in: set.dataClassKeys } }, select: { id: true, key: true, sensitivity: true } }),
    tx.approvedModel.findMany({ select: { id: true, provider: true, model: true, version: true, status: true } }),
    tx.tool.findMany({ where: { key: { in: set.tools.map((t) => t.toolKey) } }, select: { id: true, key: true, consequence: true } }),
  ]);
  const modelsByRef = new Map(models.map((m) => [modelRef(m), m]));

  set.dataClassKeys.forEach((key, i) => {
    if (!dataClasses.some((d) => d.key === key))
      problems.push({ path: `${at}.dataClassKeys.${i}`, message: `No data class has the key "${key}"` });
  });
  set.modelRefs.forEach((ref, i) => {
    if (!modelsByRef.has(ref)) problems.push({ path: `${at}.modelRefs.${i}`, message: `No approved model is registered as "${ref}"` });
  });
  set.tools.forEach((grant, i) => {
    const tool = tools.find((t) => t.key === grant.toolKey);
    if (!tool) return problems.push({ path: `${at}.tools.${i}.toolKey`, message: `No tool in the catalog has the key "${grant.toolKey}"` });
    const floor = DEFAULT_TIER[tool.consequence];
    if (tierBelow(grant.tier, floor)) {
      problems.push({
        path: `${at}.tools.${i}.tier`,
        message: `${grant.tier} is below ${floor}, the least a ${tool.consequence} tool needs`,
      });
    }
    if (grant.argumentConstraints) problems.push(...jsonSchemaProblems(grant.argumentConstraints, `${at}.tools.${i}.argumentConstraints`));
  });
  for (const [name, values] of [
    ["dataClassKeys", set.dataClassKeys],
    ["modelRefs", set.modelRefs],
    ["tools", set.tools.map((t) => t.toolKey)],
  ] as const) {
    for (const dup of new Set(duplicates([...values])))
      problems.push({ path: `${at}.${name}`, message: `"${dup}" is listed more than once` });
  }
  if (problems.length) throw new AppError("validation_failed", "The permission set has problems", problems);

  return {
    set,
    dataClasses,
    models: set.modelRefs.map((ref) => {
      const m = modelsByRef.get(ref)!;
      return { id: m.id, ref, status: m.status };
    }),
    tools: set.tools.map((grant) => ({ id: tools.find((t) => t.key === grant.toolKey)!.id, key: grant.toolKey, grant })),
  };
}
