import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TTokenView } from "@/lib/contracts/tokens-admin";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { conflict } from "../../errors";
import { lockManagedToken } from "./lock-managed-token";
import { TOKEN_VIEW_SELECT, tokenState, toTokenView } from "./token-view";

/** Ends a token now, cutting short any rotation overlap; the next runtime call with it is refused. */
export async function revokeServiceToken(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  workflowId: string;
  tokenId: string;
  now?: Date;
}): Promise<TTokenView> {
  const { tx, actor, user, workflowId, tokenId } = options;
  const now = options.now ?? new Date();
  const token = await lockManagedToken({ tx, user, workflowId, tokenId });
  const state = tokenState(token, now);
  if (state.status === "revoked") throw conflict(`Token ${token.prefix} was already revoked at ${state.validUntil.toISOString()}`);
  await recordAuditEvent(tx, actor, {
    action: "token.revoked",
    target: { type: "workflow", id: workflowId },
    data: { prefix: token.prefix },
  });
  const row = await tx.serviceToken.update({ where: { id: token.id }, data: { revokedAt: now }, select: TOKEN_VIEW_SELECT });
  return toTokenView(row, now);
}
