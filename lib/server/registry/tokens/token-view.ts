import "server-only";
import type { TTokenStatus, TTokenView } from "@/lib/contracts/tokens-admin";
import type { Prisma } from "../../db/generated/client";

export const TOKEN_VIEW_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  environment: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true, email: true } },
} satisfies Prisma.ServiceTokenSelect;

export type TTokenRow = Prisma.ServiceTokenGetPayload<{ select: typeof TOKEN_VIEW_SELECT }>;

/**
 * The same rule checkServiceToken applies: a revokedAt in the future is a rotation's
 * overlap, during which the token still works.
 */
export function tokenState(row: { expiresAt: Date; revokedAt: Date | null }, now: Date): { status: TTokenStatus; validUntil: Date } {
  const { expiresAt, revokedAt } = row;
  if (revokedAt && revokedAt <= now) return { status: "revoked", validUntil: revokedAt };
  if (expiresAt <= now) return { status: "expired", validUntil: expiresAt };
  if (revokedAt) return { status: "expiring", validUntil: revokedAt < expiresAt ? revokedAt : expiresAt };
  return { status: "active", validUntil: expiresAt };
}

export function toTokenView(row: TTokenRow, now: Date): TTokenView {
  const { status, validUntil } = tokenState(row, now);
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    environment: row.environment,
    createdBy: row.createdBy,
    status,
    validUntil: validUntil.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
