import "server-only";
import type { TTokenScope } from "@/lib/contracts/tokens";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { TServicePrincipal } from "../authz/principal";
import { hashServiceToken, looksLikeServiceToken } from "./service-token-secret";

// Recording every use would put a write on the hot path; a minute's resolution is enough.
const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a bearer token to its workflow; refuses unknown, revoked, expired or under-scoped tokens. */
export async function authenticateServiceToken(options: {
  authorization: string | null;
  scope: TTokenScope;
  now?: Date;
}): Promise<TServicePrincipal> {
  const now = options.now ?? new Date();
  const match = /^Bearer\s+(\S+)$/i.exec(options.authorization ?? "");
  const token = match?.[1];
  if (!token) throw new AppError("unauthenticated", "Send the workflow's service token as `Authorization: Bearer tg_…`");
  if (!looksLikeServiceToken(token)) throw new AppError("unauthenticated", "The bearer token is not a Tollgate service token");
  const found = await db.serviceToken.findUnique({
    where: { tokenHash: hashServiceToken(token) },
    include: { workflow: { select: { key: true } } },
  });
  if (!found) throw new AppError("unauthenticated", "The service token is not recognised");
  if (found.revokedAt && found.revokedAt <= now) throw new AppError("unauthenticated", "The service token has been revoked");
  if (found.expiresAt <= now) throw new AppError("unauthenticated", `The service token expired at ${found.expiresAt.toISOString()}`);
  if (!found.scopes.includes(options.scope)) {
    throw new AppError("forbidden", `The service token lacks the ${options.scope.toLowerCase()} scope this route requires`);
  }
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.serviceToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return {
    tokenId: found.id,
    prefix: found.prefix,
    workflowId: found.workflowId,
    workflowKey: found.workflow.key,
    environment: found.environment,
    scopes: found.scopes,
  };
}
