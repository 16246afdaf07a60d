import type { Server } from "node:http";
import Provider from "oidc-provider";

export const OIDC_CLIENT = { id: "tollgate-e2e", secret: "tollgate-e2e-client-secret-0123456789" };

// The provider's dev login accepts any login name; these are the people it knows claims for.
export const SSO_PEOPLE: Record<string, { email: string; name: string; groups: string[] }> = {
  "sso-security": { email: "sso-security@corp.example", name: "Sasha SSO", groups: ["tollgate-security", "staff"] },
  "sso-auditor": { email: "sso-auditor@corp.example", name: "Aude SSO", groups: ["tollgate-auditors"] },
  "sso-nobody": { email: "sso-nobody@corp.example", name: "Nobody SSO", groups: ["marketing"] },
};
export const SSO_ROLE_MAP = "tollgate-security=SECURITY,tollgate-auditors=AUDITOR,tollgate-admins=ADMIN";

/** A real OpenID Connect provider (node-oidc-provider) for the single sign-on journey. */
export async function startOidcProvider(options: {
  issuer: string;
  port: number;
  redirectUri: string;
}): Promise<{ stop: () => Promise<void> }> {
  const provider = new Provider(options.issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    // next-auth reads the profile from the ID token, so scope-granted claims go into it.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["tollgate-e2e-oidc-cookie-key-0123456789"] },
    findAccount: async (_ctx, sub) => {
      const person = SSO_PEOPLE[sub];
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: person.email, email_verified: true, name: person.name, groups: person.groups }),
      };
    },
  });
  provider.proxy = false;
  const server: Server = provider.listen(options.port);
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return { stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
