import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import type { TOidcConfig } from "./oidc-config";

export const OIDC_PROVIDER_ID = "oidc";

const ZClaims = z.looseObject({
  sub: z.string().min(1),
  email: z.string().optional().catch(undefined),
  name: z.string().optional().catch(undefined),
});
type TClaims = z.infer<typeof ZClaims>;

// openid-client verified the ID token's signature, issuer, audience and expiry before this runs.
const readJwtPayload = (jwt: string) =>
  z.record(z.string(), z.unknown()).parse(JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")));

/**
 * next-auth's generic OIDC provider: discovery, authorization code with PKCE and state, a
 * verified ID token. The profile is the ID token's claims merged over the userinfo response,
 * because providers differ in where they put email and role claims.
 */
export function buildOidcProvider(config: TOidcConfig): OAuthConfig<TClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.displayName,
    type: "oauth",
    wellKnown: `${config.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    client: { token_endpoint_auth_method: "client_secret_basic" },
    idToken: true,
    checks: ["pkce", "state"],
    authorization: { params: { scope: config.scope } },
    userinfo: {
      async request({ tokens, client }) {
        const idToken = readJwtPayload(tokens.id_token ?? "");
        const { sub } = ZClaims.parse(idToken);
        const endpoint = client.issuer.metadata.userinfo_endpoint;
        const fromUserinfo = endpoint && tokens.access_token ? await client.userinfo(tokens.access_token) : { sub };
        if (fromUserinfo.sub !== sub) throw new Error("The userinfo subject does not match the ID token");
        return ZClaims.parse({ ...fromUserinfo, ...idToken });
      },
    },
    profile(claims) {
      return { id: claims.sub, email: claims.email ?? null, name: claims.name ?? claims.email ?? null };
    },
  };
}
