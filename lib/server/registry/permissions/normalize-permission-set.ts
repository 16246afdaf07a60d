import "server-only";
import type { TPermissionSet } from "@/lib/contracts/registry";

/** The order readPermissionSet uses, so a frozen proposal diffs and displays like the live set. */
export function normalizePermissionSet(set: TPermissionSet): TPermissionSet {
  return {
    dataClassKeys: [...set.dataClassKeys].sort(),
    modelRefs: [...set.modelRefs].sort(),
    tools: [...set.tools].sort((a, b) => a.toolKey.localeCompare(b.toolKey)),
  };
}
