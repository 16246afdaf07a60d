import { z } from "zod";

export const ZKillSwitchScope = z.enum(["GLOBAL", "WORKFLOW", "TOOL", "MODEL", "PROVIDER"]);
export type TKillSwitchScope = z.infer<typeof ZKillSwitchScope>;

const ZReason = z.string().trim().min(3, "Give a reason of at least 3 characters").max(2000, "Use at most 2,000 characters");

export const ZKillSwitchIdParams = z.object({ id: z.uuid("Not a kill switch id") });

/**
 * Engage a halt. Target: omitted (or "*") for GLOBAL; a workflow key, tool key, model ref
 * (provider/model/version) or provider name for the other scopes.
 */
export const ZEngageKillSwitch = z
  .object({
    scope: ZKillSwitchScope,
    target: z.string().trim().min(1, "Name what to halt").max(300).optional(),
    reason: ZReason,
  })
  .superRefine((value, ctx) => {
    if (value.scope !== "GLOBAL" && !value.target)
      ctx.addIssue({ code: "custom", path: ["target"], message: `Name the ${value.scope.toLowerCase()} to halt` });
    if (value.scope === "GLOBAL" && value.target && value.target !== "*")
      ctx.addIssue({ code: "custom", path: ["target"], message: "A GLOBAL kill switch has no target" });
  });
export type TEngageKillSwitch = z.input<typeof ZEngageKillSwitch>;
export type TEngageKillSwitchInput = z.output<typeof ZEngageKillSwitch>;

/** First SECURITY person asks to release; a second one confirms (two-person rule). */
export const ZRequestKillSwitchRelease = z.object({ reason: ZReason });
export const ZConfirmKillSwitchRelease = z.object({ reason: ZReason.optional() });

export const KILL_SWITCH_HISTORY_DEFAULT = 50;

/** Engaged switches are always listed in full; `limit` bounds the released history. */
export const ZKillSwitchQuery = z.object({
  state: z.enum(["engaged", "released", "all"]).default("engaged"),
  limit: z.coerce.number().int().min(1).max(500).default(KILL_SWITCH_HISTORY_DEFAULT),
});
export type TKillSwitchQuery = z.input<typeof ZKillSwitchQuery>;
export type TKillSwitchQueryInput = z.output<typeof ZKillSwitchQuery>;

const ZPerson = z.object({ id: z.string(), name: z.string(), email: z.string() });

/** Who engaged a switch, as the audit log names actors: a person, a service token, or Tollgate itself (a breaker). */
export const ZKillSwitchEngagerType = z.enum(["user", "service", "system"]);
export type TKillSwitchEngagerType = z.infer<typeof ZKillSwitchEngagerType>;

export const ZKillSwitchView = z.object({
  id: z.uuid(),
  scope: ZKillSwitchScope,
  target: z.string(),
  reason: z.string(),
  engagedAt: z.iso.datetime(),
  /** The person who engaged it; null when a service token or Tollgate itself did. */
  engagedBy: ZPerson.nullable(),
  engagedByType: ZKillSwitchEngagerType,
  /** An email, a service token's label, or what in Tollgate halted it ("breaker …"). */
  engagedByLabel: z.string(),
  releaseRequestedAt: z.iso.datetime().nullable(),
  releaseRequestedBy: ZPerson.nullable(),
  releaseReason: z.string().nullable(),
  releasedAt: z.iso.datetime().nullable(),
  releasedBy: ZPerson.nullable(),
  /** The halted workflow of a WORKFLOW switch, when the caller may read it: its runbook is the manual fallback. */
  workflow: z.object({ id: z.uuid(), key: z.string(), name: z.string(), runbook: z.string() }).nullable(),
});
export type TKillSwitchView = z.infer<typeof ZKillSwitchView>;

/** How far an engage had reached when it answered: live gates, and how many of them deny what it halts. */
export const ZKillSwitchPropagation = z.object({
  gates: z.number().int().min(0),
  confirmed: z.number().int().min(0),
  complete: z.boolean(),
});
export type TKillSwitchPropagation = z.infer<typeof ZKillSwitchPropagation>;
export const ZEngagedKillSwitch = ZKillSwitchView.extend({ propagation: ZKillSwitchPropagation });
export type TEngagedKillSwitch = z.infer<typeof ZEngagedKillSwitch>;

/** Engaged switches first (newest first), then released ones (most recently released first). */
export const ZKillSwitchList = z.object({ killSwitches: z.array(ZKillSwitchView), asOf: z.iso.datetime() });
export type TKillSwitchList = z.infer<typeof ZKillSwitchList>;

/** What the engage form offers this person: the scopes they may halt and the registry's targets for each. */
export type TKillSwitchTargets = {
  scopes: TKillSwitchScope[];
  workflows: { key: string; name: string; status: string }[];
  tools: { key: string; name: string }[];
  models: { ref: string; status: string }[];
  providers: string[];
};

/** A kill switch as an automation sees it on the stream: what is halted and why. */
export const ZKillSwitchState = z.object({
  id: z.uuid(),
  scope: ZKillSwitchScope,
  target: z.string(),
  reason: z.string(),
  engagedAt: z.iso.datetime(),
});
export type TKillSwitchState = z.infer<typeof ZKillSwitchState>;

/**
 * `GET /api/v1/killswitch/stream` (Server-Sent Events). The first event is `state` (every engaged
 * switch that applies to the token's workflow); then `engaged` / `released` as they happen and a
 * `heartbeat` every `heartbeatMs`. Every event renews the client's lease for `leaseMs`: a client
 * that hears nothing for that long must fail closed.
 */
export const ZKillSwitchStreamState = z.object({
  workflowKey: z.string(),
  engaged: z.array(ZKillSwitchState),
  heartbeatMs: z.number().int().positive(),
  leaseMs: z.number().int().positive(),
  serverTime: z.iso.datetime(),
});
export const ZKillSwitchStreamChange = z.object({ switch: ZKillSwitchState, serverTime: z.iso.datetime() });
export const ZKillSwitchStreamHeartbeat = z.object({ serverTime: z.iso.datetime() });
/** The last event when the token stops being valid mid-stream (revoked, expired): the lease is lost at once. */
export const ZKillSwitchStreamClosed = z.object({
  code: z.enum(["unauthenticated", "forbidden"]),
  detail: z.string(),
  serverTime: z.iso.datetime(),
});
export type TKillSwitchStreamClosed = z.infer<typeof ZKillSwitchStreamClosed>;
export type TKillSwitchStreamState = z.infer<typeof ZKillSwitchStreamState>;
