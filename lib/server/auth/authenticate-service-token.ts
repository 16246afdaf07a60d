import "server-only";
import type { TTokenScope } from "@/lib/contracts/tokens";
import { db } from "../db/client";
import { AppError } from "../errors";
import { checkTokenEnvironment } from "./check-token-environment";
import type { TServicePrincipal } from "../authz/principal";
import { hashServiceToken, looksLikeServiceToken } from "./service-token-secret";

// Recording every use would put a write on the hot path; a minute's resolution is enough.
export const LAST_USED_RESOLUTION_MS = 60_000;

export type TServiceTokenRecord = TServicePrincipal & {
  workflowEnvironment: TServicePrincipal["environment"];
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

/** The token's hash from an `Authorization` header, or a 401 saying what is wrong with it. */
export function tokenHashOf(authorization: string | null): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  const token = match?.[1];
  if (!token) throw new AppError("unauthenticated", "Send the workflow's service token as `Authorization: Bearer tg_…`");
  if (!looksLikeServiceToken(token)) throw new AppError("unauthenticated", "The bearer token is not a Tollgate service token");
  return hashServiceToken(token);
}

export async function findServiceToken(tokenHash: string): Promise<TServiceTokenRecord | null> {
  const found = await db.serviceToken.findUnique({
    where: { tokenHash },
    include: { workflow: { select: { key: true, environment: true } } },
  });
  if (!found) return null;
  return {
    tokenId: found.id,
    prefix: found.prefix,
    workflowId: found.workflowId,
    workflowKey: found.workflow.key,
    environment: found.environment,
    workflowEnvironment: found.workflow.environment,
    scopes: found.scopes,
    expiresAt: found.expiresAt,
    revokedAt: found.revokedAt,
    lastUsedAt: found.lastUsedAt,
  };
}

/** Refuses unknown, revoked, expired, under-scoped or other-environment tokens with a message that says which. */
export function checkServiceToken(found: TServiceTokenRecord | null, scope: TTokenScope, now: Date): TServicePrincipal {
  if (!found) throw new AppError("unauthenticated", "The service token is not recognised");
  if (found.revokedAt && found.revokedAt <= now) throw new AppError("unauthenticated", "The service token has been revoked");
  if (found.expiresAt <= now) throw new AppError("unauthenticated", `The service token expired at ${found.expiresAt.toISOString()}`);
  if (!found.scopes.includes(scope)) {
    throw new AppError("forbidden", `The service token lacks the ${scope.toLowerCase()} scope this route requires`);
  }
  const { tokenId, prefix, workflowId, workflowKey, environment, workflowEnvironment, scopes } = found;
  checkTokenEnvironment({ tokenEnvironment: environment, workflowEnvironment, workflowKey });
  return { tokenId, prefix, workflowId, workflowKey, environment, scopes };
}

/** Records that these tokens were used at `at`, in one statement; a later recorded use is kept. */
export async function touchServiceTokens(tokenIds: readonly string[], at: Date): Promise<void> {
  await db.$executeRaw`UPDATE service_tokens SET last_used_at = GREATEST(last_used_at, ${at}) WHERE id = ANY(${tokenIds}::uuid[])`;
}
