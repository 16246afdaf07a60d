import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import { MAX_TOKEN_DAYS, type TIssuedToken } from "@/lib/contracts/tokens-admin";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import { generateServiceToken } from "../../auth/service-token-secret";
import type { TTx } from "../../db/client";
import { conflict } from "../../errors";
import { lockManagedToken } from "./lock-managed-token";
import { TOKEN_VIEW_SELECT, tokenState, toTokenView } from "./token-view";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Replaces a token with a new one of the same name, scopes, environment and lifetime. The old one
 * keeps working for `overlapMinutes` (its revokedAt is set in the future) so automations can switch
 * over without a gap; zero ends it at once.
 */
export async function rotateServiceToken(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  workflowId: string;
  tokenId: string;
  overlapMinutes: number;
  now?: Date;
}): Promise<TIssuedToken> {
  const { tx, actor, user, workflowId, tokenId, overlapMinutes } = options;
  const now = options.now ?? new Date();
  const old = await lockManagedToken({ tx, user, workflowId, tokenId });
  const state = tokenState(old, now);
  const at = state.validUntil.toISOString();
  if (state.status === "revoked") throw conflict(`Token ${old.prefix} was revoked at ${at}: create a new token instead`);
  if (state.status === "expired") throw conflict(`Token ${old.prefix} expired at ${at}: create a new token instead`);
  if (state.status === "expiring")
    throw conflict(`Token ${old.prefix} was already rotated and stops working at ${at}: rotate its successor instead`);
  if (old.workflow.status === "RETIRED") throw conflict(`${old.workflow.key} is retired: it gets no new service tokens`);
  if (old.environment !== old.workflow.environment) {
    throw conflict(
      `Token ${old.prefix} is for ${old.environment}, but ${old.workflow.key} runs in ${old.workflow.environment}, so it never worked: revoke it and create a ${old.workflow.environment} token`,
    );
  }

  const lifetimeDays = Math.min(MAX_TOKEN_DAYS, Math.max(1, Math.round((old.expiresAt.getTime() - old.createdAt.getTime()) / DAY_MS)));
  const revokedAt = new Date(now.getTime() + overlapMinutes * MINUTE_MS);
  const secret = generateServiceToken();
  await recordAuditEvent(tx, actor, {
    action: "token.rotated",
    target: { type: "workflow", id: workflowId },
    data: {
      previousPrefix: old.prefix,
      prefix: secret.prefix,
      previousValidUntil: tokenState({ ...old, revokedAt }, now).validUntil.toISOString(),
    },
  });
  const previous = await tx.serviceToken.update({ where: { id: old.id }, data: { revokedAt }, select: TOKEN_VIEW_SELECT });
  const row = await tx.serviceToken.create({
    data: {
      workflowId,
      name: old.name,
      prefix: secret.prefix,
      tokenHash: secret.tokenHash,
      scopes: old.scopes,
      environment: old.environment,
      expiresAt: new Date(now.getTime() + lifetimeDays * DAY_MS),
      createdById: user.id,
      createdAt: now,
    },
    select: TOKEN_VIEW_SELECT,
  });
  return { token: toTokenView(row, now), secret: secret.token, previous: toTokenView(previous, now) };
}
