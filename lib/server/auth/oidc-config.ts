import "server-only";
import { env } from "../env";
import { parseOidcRoleMap } from "./parse-oidc-role-map";

export type TOidcConfig = { issuer: string; clientId: string; clientSecret: string; displayName: string; scope: string };

/** Single sign-on settings, or null when OIDC is not configured. Half a configuration is an error. */
export function getOidcConfig(): TOidcConfig | null {
  const e = env();
  const parts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (parts.every((p) => !p)) return null;
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) {
    throw new Error("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together");
  }
  // Fail at start-up, not at someone's first sign-in.
  if (parseOidcRoleMap(e.OIDC_ROLE_MAP).size === 0) throw new Error("OIDC is configured but OIDC_ROLE_MAP grants no role");
  // A plain claim name is usually also the scope that releases it (Okta, oidc-provider: "groups").
  const roleScope = /^[\w-]+$/.test(e.OIDC_ROLE_CLAIM) ? ` ${e.OIDC_ROLE_CLAIM}` : "";
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    displayName: e.OIDC_DISPLAY_NAME,
    scope: e.OIDC_SCOPE ?? `openid email profile${roleScope}`,
  };
}
