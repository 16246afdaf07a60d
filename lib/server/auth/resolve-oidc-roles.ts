import "server-only";
import { ROLES, type TRole } from "@/lib/contracts/roles";
import type { TOidcRoleMap } from "./parse-oidc-role-map";

function readClaim(claims: Record<string, unknown>, claim: string): unknown {
  // Namespaced claims ("https://corp.example/roles") contain dots, so the literal name wins.
  if (claim in claims) return claims[claim];
  return claim.split(".").reduce<unknown>((node, key) => {
    return node !== null && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
  }, claims);
}

/** The Tollgate roles an identity provider's role claim (a string or an array of them) grants. */
export function resolveOidcRoles(options: { claims: Record<string, unknown>; claim: string; roleMap: TOidcRoleMap }): TRole[] {
  const raw = readClaim(options.claims, options.claim);
  const values = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw.filter((v): v is string => typeof v === "string") : [];
  const granted = new Set(values.flatMap((value) => options.roleMap.get(value) ?? []));
  return ROLES.filter((role) => granted.has(role));
}
