import "server-only";
import { ROLES, ZRole, type TRole } from "@/lib/contracts/roles";

export type TOidcRoleMap = ReadonlyMap<string, readonly TRole[]>;

/**
 * Parses OIDC_ROLE_MAP, "claim-value=ROLE,other-value=ROLE" (commas or new lines between entries).
 * A value may repeat to grant several roles, and may itself contain "=" (the last one separates).
 * A malformed entry throws: a typo here must not silently lock people out or let them in.
 */
export function parseOidcRoleMap(spec: string): TOidcRoleMap {
  const map = new Map<string, TRole[]>();
  for (const entry of spec
    .split(/[,\n]/)
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.lastIndexOf("=");
    const value = entry.slice(0, at).trim();
    const role = ZRole.safeParse(
      entry
        .slice(at + 1)
        .trim()
        .toUpperCase(),
    );
    if (at < 1 || !value || !role.success) {
      throw new Error(`OIDC_ROLE_MAP entry "${entry}" must look like claim-value=ROLE, ROLE one of ${ROLES.join(", ")}`);
    }
    const roles = map.get(value) ?? [];
    if (!roles.includes(role.data)) roles.push(role.data);
    map.set(value, roles);
  }
  return map;
}
