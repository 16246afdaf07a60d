import { z } from "zod";
import { ZWorkflowSummary } from "./changes";
import { ZEnvironment } from "./registry-enums";
import { TOKEN_SCOPES, ZTokenScope } from "./tokens";

export const MAX_TOKEN_DAYS = 365;
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_OVERLAP_MINUTES = 10_080;

export const TOKEN_SCOPE_LABELS: Record<(typeof TOKEN_SCOPES)[number], string> = {
  DECIDE: "decide",
  INGEST: "ingest",
  APPROVE_REQUEST: "approve-request",
};

export const ZTokenParams = z.object({ id: z.uuid("Not a workflow id"), tokenId: z.uuid("Not a token id") });

export const ZCreateToken = z.object({
  name: z.string().trim().min(1, "Name the token, e.g. prod-runner").max(100, "Use at most 100 characters"),
  scopes: z
    .array(ZTokenScope)
    .min(1, "Choose at least one scope")
    .transform((scopes) => TOKEN_SCOPES.filter((s) => scopes.includes(s))),
  /** Defaults to the workflow's own environment. */
  environment: ZEnvironment.optional(),
  expiresInDays: z
    .number()
    .int("Use whole days")
    .min(1, "A token lives at least 1 day")
    .max(MAX_TOKEN_DAYS, `A token lives at most ${MAX_TOKEN_DAYS} days`)
    .default(DEFAULT_TOKEN_DAYS),
});
export type TCreateToken = z.input<typeof ZCreateToken>;
export type TCreateTokenInput = z.output<typeof ZCreateToken>;

export const ZRotateToken = z.object({
  /** How long the old token keeps working, so automations can switch without downtime. */
  overlapMinutes: z
    .number()
    .int("Use whole minutes")
    .min(0, "The overlap cannot be negative")
    .max(MAX_OVERLAP_MINUTES, `The overlap is at most ${MAX_OVERLAP_MINUTES} minutes (7 days)`),
});
export type TRotateToken = z.input<typeof ZRotateToken>;

export const ZTokenStatus = z.enum(["active", "expiring", "expired", "revoked"]);
export type TTokenStatus = z.infer<typeof ZTokenStatus>;

export const ZTokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(ZTokenScope),
  environment: ZEnvironment,
  status: ZTokenStatus,
  /** When it stops working: its expiry, or the end of a rotation's overlap if sooner. */
  validUntil: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string(), email: z.string() }),
});
export type TTokenView = z.infer<typeof ZTokenView>;

export const ZTokenList = z.object({
  workflow: ZWorkflowSummary,
  tokens: z.array(ZTokenView),
  /** Whether the caller may create, rotate and revoke this workflow's tokens. */
  canManage: z.boolean(),
});
export type TTokenList = z.infer<typeof ZTokenList>;

/** The one answer that carries the plaintext token; it is never shown again. */
export const ZIssuedToken = z.object({ token: ZTokenView, secret: z.string(), previous: ZTokenView.nullable() });
export type TIssuedToken = z.infer<typeof ZIssuedToken>;
