import { z } from "zod";
import { ZPermissionChange } from "./registry";
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

const ZRecord = z.record(z.string(), z.unknown());
const ZFieldChanges = z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }));

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
  // A limit on failed password sign-ins was reached: `scope` says whose attempts are refused until `until`.
  event(
    "auth.sign_in.throttled",
    z.object({
      scope: z.enum(["address", "account", "account_address"]),
      address: z.string(),
      email: z.string(),
      failures: z.number().int(),
      until: z.string(),
    }),
  ),
  event("auth.sign_out", z.object({})),
  // Sessions ended on the server: by signing out, a disabled user, a removed role, "sign out everywhere", or idleness.
  event(
    "auth.sessions.ended",
    z.object({ reason: z.enum(["signed_out", "user_disabled", "role_removed", "revoked", "idle", "expired"]), sessions: z.number().int() }),
  ),
  event(
    "user.created",
    z.object({ email: z.string(), name: z.string(), roles: z.array(ZRole), source: z.enum(["admin", "oidc", "seed"]) }),
  ),
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
    z.object({
      before: z
        .object({ failedSignIns: z.number().int(), lockedUntil: z.string().nullable(), nextAttemptAt: z.string().nullable() })
        .optional(),
      // Since sign-in limits moved to per-address and per-account counters: the counters cleared.
      cleared: z.array(z.object({ key: z.string(), failures: z.number().int(), blockedUntil: z.string().nullable() })).optional(),
    }),
  ),
  event("access.denied", z.object({ permission: z.string(), resource: z.string() })),
  // A "Verify chain" run and what it found: the scorecard's audit-chain control reads the latest.
  event(
    "audit.chain_verified",
    z.object({ ok: z.boolean(), checked: z.number().int(), lastHash: z.string(), brokenAt: z.string().nullable() }),
  ),
  event("system.seeded", z.object({ workflows: z.number().int(), users: z.number().int() })),
  // The registry: every change carries what it was and what it became.
  event("workflow.created", z.object({ after: ZRecord })),
  event("workflow.updated", z.object({ changes: ZFieldChanges, version: z.number().int() })),
  event("workflow.status.changed", z.object({ before: z.string(), after: z.string(), reason: z.string().optional() })),
  event("workflow.raci.changed", z.object({ before: z.array(ZRecord), after: z.array(ZRecord), version: z.number().int() })),
  event(
    "workflow.permissions.changed",
    z.object({ changes: z.array(ZPermissionChange), version: z.number().int(), changeRequestId: z.string().nullable() }),
  ),
  // SLO targets: `before` null while the defaults applied; set at once on a draft, else through review.
  event(
    "workflow.slo.changed",
    z.object({ before: ZRecord.nullable(), after: ZRecord, version: z.number().int(), changeRequestId: z.string().nullable() }),
  ),
  event("change_request.opened", z.object({ subject: z.enum(["WORKFLOW", "POLICY"]), summary: z.string(), diff: z.unknown() })),
  event("change_request.approved", z.object({ reason: z.string(), breakGlass: z.boolean().optional() })),
  event("change_request.rejected", z.object({ reason: z.string() })),
  event("change_request.withdrawn", z.object({})),
  event("catalog.data_class.changed", z.object({ before: ZRecord.nullable(), after: ZRecord.nullable() })),
  event("catalog.model.changed", z.object({ before: ZRecord.nullable(), after: ZRecord.nullable() })),
  event("catalog.tool.changed", z.object({ before: ZRecord.nullable(), after: ZRecord.nullable() })),
  event("policy.changed", z.object({ before: ZRecord.nullable(), after: ZRecord.nullable(), changeRequestId: z.string().nullable() })),
  event(
    "token.created",
    z.object({ prefix: z.string(), name: z.string(), scopes: z.array(z.string()), environment: z.string(), expiresAt: z.string() }),
  ),
  event("token.rotated", z.object({ previousPrefix: z.string(), prefix: z.string(), previousValidUntil: z.string() })),
  event("token.revoked", z.object({ prefix: z.string() })),
  event("registry.imported", z.object({ format: z.enum(["json", "csv"]), counts: z.record(z.string(), z.number().int()) })),
  event("shadow_workflow.registered", z.object({ key: z.string(), workflowId: z.string() })),
  // Kill switches: engaging is one person's call; release is requested and confirmed by two.
  event("killswitch.engaged", z.object({ scope: z.string(), target: z.string(), reason: z.string() })),
  event("killswitch.release_requested", z.object({ scope: z.string(), target: z.string(), reason: z.string() })),
  event("killswitch.released", z.object({ scope: z.string(), target: z.string(), reason: z.string(), requestedById: z.string() })),
  event("killswitch.release_withdrawn", z.object({ scope: z.string(), target: z.string() })),
  // Approvals: requested by an automation, decided by people, or closed by the clock or a halt.
  event(
    "approval.requested",
    z.object({
      workflowKey: z.string(),
      tool: z.string(),
      tier: z.string(),
      argumentsHash: z.string(),
      approvalsRequired: z.number().int(),
      expiresAt: z.string(),
    }),
  ),
  event(
    "approval.voted",
    z.object({ vote: z.enum(["APPROVE", "DENY"]), reason: z.string(), breakGlass: z.boolean(), incidentRef: z.string().nullable() }),
  ),
  event("approval.decided", z.object({ status: z.enum(["APPROVED", "DENIED"]), reason: z.string(), breakGlass: z.boolean() })),
  event("approval.escalated", z.object({ expiresAt: z.string() })),
  event("approval.expired", z.object({ expiresAt: z.string() })),
  event("approval.cancelled", z.object({ reason: z.string() })),
  event("webhook.endpoint.changed", z.object({ before: ZRecord.nullable(), after: ZRecord.nullable() })),
  // Deliveries an operator asked for by hand: each sends a signed request to the endpoint's URL.
  event("webhook.test.sent", z.object({ deliveryId: z.string() })),
  event("webhook.delivery.retried", z.object({ deliveryId: z.string(), event: z.string(), attempts: z.number().int() })),
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
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,17}$/, "A cursor is a positive event number")
    .optional(),
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
