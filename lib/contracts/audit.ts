import { z } from "zod";
import { ZRole } from "./roles";

const ZTarget = z.object({ type: z.string().min(1), id: z.string().min(1) });

/** Who did it: a signed-in person, an automation's service token, or Tollgate itself. */
export const ZAuditActor = z.object({
  type: z.enum(["user", "service", "system", "anonymous"]),
  id: z.string().nullable(),
  label: z.string().min(1),
  requestId: z.string().nullable().optional(),
});
export type TAuditActor = z.infer<typeof ZAuditActor>;

const event = <A extends string, D extends z.ZodType>(action: A, data: D) =>
  z.object({ action: z.literal(action), target: ZTarget.optional(), data });

// Every kind of change Tollgate records; later features add their events here.
export const ZAuditEvent = z.discriminatedUnion("action", [
  event("auth.sign_in.succeeded", z.object({ method: z.enum(["password", "oidc"]) })),
  event(
    "auth.sign_in.failed",
    z.object({
      method: z.enum(["password", "oidc"]),
      email: z.string(),
      reason: z.enum([
        "unknown_user",
        "bad_password",
        "disabled",
        "locked",
        "throttled",
        "no_role",
        "no_password",
        "invalid_profile",
        "email_unverified",
        "oidc_conflict",
      ]),
    }),
  ),
  event("auth.account.locked", z.object({ failedSignIns: z.number().int(), lockedUntil: z.string() })),
  event("auth.sign_out", z.object({})),
  event("user.created", z.object({ email: z.string(), name: z.string(), roles: z.array(ZRole), source: z.enum(["admin", "oidc", "seed"]) })),
  event("user.roles.changed", z.object({ before: z.array(ZRole), after: z.array(ZRole) })),
  event("user.oidc.linked", z.object({ subject: z.string() })),
  event("user.disabled.changed", z.object({ before: z.boolean(), after: z.boolean() })),
  event(
    "user.updated",
    z.object({
      changes: z.object({
        name: z.object({ before: z.string(), after: z.string() }).optional(),
        roles: z.object({ before: z.array(ZRole), after: z.array(ZRole) }).optional(),
        disabled: z.object({ before: z.boolean(), after: z.boolean() }).optional(),
      }),
    }),
  ),
  event(
    "user.unlocked",
    // Optional so events written before the lock state was recorded still validate.
    z.object({ before: z.object({ failedSignIns: z.number().int(), lockedUntil: z.string().nullable(), nextAttemptAt: z.string().nullable() }).optional() }),
  ),
  event("access.denied", z.object({ permission: z.string(), resource: z.string() })),
  event("system.seeded", z.object({ workflows: z.number().int(), users: z.number().int() })),
]);
export type TAuditEvent = z.infer<typeof ZAuditEvent>;
export type TAuditAction = TAuditEvent["action"];

export const ZAuditEventView = z.object({
  seq: z.string(),
  occurredAt: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  data: z.unknown(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type TAuditEventView = z.infer<typeof ZAuditEventView>;

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

export const ZAuditEventsQuery = z.object({
  /** Events older than this seq (the previous page's `nextCursor`). */
  cursor: z.string().regex(/^[1-9]\d{0,17}$/, "A cursor is a positive event number").optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_DEFAULT),
  /** An exact action, or a prefix ending in "." (`user.` matches every user event). */
  action: z.string().trim().min(1).max(100).optional(),
  /** The actor's id or label (an email for people). */
  actor: z.string().trim().min(1).max(320).optional(),
  /** `type:id`, or just an id. */
  target: z.string().trim().min(1).max(200).optional(),
});
export type TAuditEventsQuery = z.input<typeof ZAuditEventsQuery>;
export type TAuditEventsQueryInput = z.output<typeof ZAuditEventsQuery>;

export const ZAuditEventPage = z.object({ events: z.array(ZAuditEventView), nextCursor: z.string().nullable() });
export type TAuditEventPage = z.infer<typeof ZAuditEventPage>;

export const ZAuditChainVerdict = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  lastHash: z.string(),
  firstBreak: z.object({ seq: z.string(), problem: z.string() }).nullable(),
});
export type TAuditChainVerdict = z.infer<typeof ZAuditChainVerdict>;
