import "server-only";
import type { TPermissionChange, TPermissionSet, TToolGrant } from "@/lib/contracts/registry";
import { canonicalJson } from "../../shared/canonical-json";

const describe = (g: TToolGrant) =>
  [
    g.tier,
    g.ratePerMinute ? `${g.ratePerMinute}/min` : "no rate limit",
    g.argumentConstraints ? `constraints ${canonicalJson(g.argumentConstraints)}` : "no constraints",
  ].join(", ");

function listDiff(area: "dataClass" | "model", before: string[], after: string[]): TPermissionChange[] {
  const label = area === "dataClass" ? "data class" : "model";
  return [
    ...after.filter((k) => !before.includes(k)).map((key) => ({ kind: "added" as const, area, key, text: `+ ${label} ${key}` })),
    ...before.filter((k) => !after.includes(k)).map((key) => ({ kind: "removed" as const, area, key, text: `- ${label} ${key}` })),
  ];
}

/** A readable, line-per-change diff between two permission sets; empty when they are equal. */
export function diffPermissionSets(before: TPermissionSet, after: TPermissionSet): TPermissionChange[] {
  const changes = [
    ...listDiff("dataClass", before.dataClassKeys, after.dataClassKeys),
    ...listDiff("model", before.modelRefs, after.modelRefs),
  ];
  for (const grant of after.tools) {
    const old = before.tools.find((t) => t.toolKey === grant.toolKey);
    if (!old)
      changes.push({ kind: "added", area: "tool", key: grant.toolKey, after: grant, text: `+ tool ${grant.toolKey} (${describe(grant)})` });
    else if (describe(old) !== describe(grant)) {
      changes.push({
        kind: "changed",
        area: "tool",
        key: grant.toolKey,
        before: old,
        after: grant,
        text: `~ tool ${grant.toolKey}: ${describe(old)} → ${describe(grant)}`,
      });
    }
  }
  for (const old of before.tools) {
    if (!after.tools.some((t) => t.toolKey === old.toolKey)) {
      changes.push({ kind: "removed", area: "tool", key: old.toolKey, before: old, text: `- tool ${old.toolKey} (${describe(old)})` });
    }
  }
  return changes;
}
