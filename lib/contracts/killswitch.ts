import { z } from "zod";

export const ZKillSwitchScope = z.enum(["GLOBAL", "WORKFLOW", "TOOL", "MODEL", "PROVIDER"]);
export type TKillSwitchScope = z.infer<typeof ZKillSwitchScope>;

const ZReason = z.string().trim().min(3, "Give a reason of at least 3 characters").max(2000, "Use at most 2,000 characters");

/**
 * Engage a halt. Target: omitted for GLOBAL; a workflow key, tool key, model ref
 * (provider/model/version) or provider name for the other scopes.
 */
export const ZEngageKillSwitch = z
  .object({
    scope: ZKillSwitchScope,
    target: z.string().trim().min(1, "Name what to halt").max(300).optional(),
    reason: ZReason,
  })
  .superRefine((value, ctx) => {
    if (value.scope !== "GLOBAL" && !value.target) ctx.addIssue({ code: "custom", path: ["target"], message: `Name the ${value.scope.toLowerCase()} to halt` });
    if (value.scope === "GLOBAL" && value.target && value.target !== "*") ctx.addIssue({ code: "custom", path: ["target"], message: "A GLOBAL kill switch has no target" });
  });
export type TEngageKillSwitch = z.input<typeof ZEngageKillSwitch>;

/** First SECURITY person asks to release; a second one confirms (two-person rule). */
export const ZRequestKillSwitchRelease = z.object({ reason: ZReason });
export const ZConfirmKillSwitchRelease = z.object({ reason: ZReason.optional() });

export const ZKillSwitchView = z.object({
  id: z.uuid(),
  scope: ZKillSwitchScope,
  target: z.string(),
  reason: z.string(),
  engagedAt: z.iso.datetime(),
  engagedBy: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  releaseRequestedAt: z.iso.datetime().nullable(),
  releaseRequestedBy: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  releaseReason: z.string().nullable(),
  releasedAt: z.iso.datetime().nullable(),
  releasedBy: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
});
export type TKillSwitchView = z.infer<typeof ZKillSwitchView>;

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
export type TKillSwitchStreamState = z.infer<typeof ZKillSwitchStreamState>;
export type TKillSwitchStreamChange = z.infer<typeof ZKillSwitchStreamChange>;
