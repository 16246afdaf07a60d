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
      reason: z.enum(["unknown_user", "bad_password", "disabled", "locked", "throttled", "no_role", "no_password"]),
    }),
  ),
  event("auth.account.locked", z.object({ failedSignIns: z.number().int(), lockedUntil: z.string() })),
  event("auth.sign_out", z.object({})),
  event("user.created", z.object({ email: z.string(), name: z.string(), roles: z.array(ZRole), source: z.enum(["admin", "oidc", "seed"]) })),
  event("user.roles.changed", z.object({ before: z.array(ZRole), after: z.array(ZRole) })),
  event("user.disabled.changed", z.object({ before: z.boolean(), after: z.boolean() })),
  event("user.unlocked", z.object({})),
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
