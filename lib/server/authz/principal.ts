import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TRole } from "@/lib/contracts/roles";
import type { TTokenScope } from "@/lib/contracts/tokens";

/** The signed-in person as authorization sees them: read fresh from the database on every request. */
export type TSessionUser = { id: string; email: string; name: string; roles: TRole[] };

export type TServicePrincipal = {
  tokenId: string;
  prefix: string;
  workflowId: string;
  workflowKey: string;
  environment: "DEV" | "STAGING" | "PROD";
  scopes: TTokenScope[];
};

/** Who is calling: a signed-in person, or an automation through its workflow's service token. */
export type TPrincipal = { kind: "user"; user: TSessionUser } | { kind: "service"; service: TServicePrincipal };

export function actorOf(principal: TPrincipal | null, requestId: string | null): TAuditActor {
  if (!principal) return { type: "anonymous", id: null, label: "anonymous", requestId };
  if (principal.kind === "user") {
    return { type: "user", id: principal.user.id, label: principal.user.email, requestId };
  }
  const { service } = principal;
  return { type: "service", id: service.tokenId, label: `${service.workflowKey} (${service.prefix})`, requestId };
}
