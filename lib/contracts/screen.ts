import { z } from "zod";
import { ZDecisionReason, ZModelRef } from "./decisions";
import { ZDataTag, ZSensitivity } from "./registry-enums";

/** The tool key screenings are recorded under in the decision log, beside the tool calls of their run. */
export const SCREEN_TOOL_KEY = "tollgate.screen";

export const SCREEN_KINDS = ["prompt", "context", "tool_result"] as const;
export const ZScreenKind = z.enum(SCREEN_KINDS, { message: "Use kind=prompt, context or tool_result" });
export type TScreenKind = z.infer<typeof ZScreenKind>;

/**
 * What an automation is about to send to a model (`POST /api/v1/screen`): a prompt, retrieved
 * context or a tool result, as text or JSON, and the model it goes to. The workflow is the one its
 * service token belongs to.
 */
export const ZScreenRequest = z.object({
  model: ZModelRef,
  content: z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())], {
    message: "Send the content to screen as a string or any JSON value",
  }),
  kind: ZScreenKind.default("prompt"),
  /** The run it belongs to, so the screening shows in the run's timeline. */
  runId: z.string().trim().min(1, "Send the run id").max(200, "Use at most 200 characters"),
});
export type TScreenRequest = z.input<typeof ZScreenRequest>;
export type TScreenRequestInput = z.output<typeof ZScreenRequest>;

/**
 * Per data tag: allow (declared, and the model is approved for its sensitivity), redact (removed
 * from the content) or deny (nothing may be sent). Credentials are always redacted; card data is
 * denied unless allowed; other personal data is redacted unless allowed.
 */
export const ZScreenAction = z.enum(["allow", "redact", "deny"]);
export type TScreenAction = z.infer<typeof ZScreenAction>;

export const ZScreenedClass = z.object({
  tag: ZDataTag,
  /** What was found, e.g. `email`, `card`, `github-token`: never the values. */
  kinds: z.array(z.string()),
  count: z.number().int().min(1),
  /** The workflow declares a data class carrying this tag. */
  declared: z.boolean(),
  /** The declared classes' highest sensitivity for this tag; undeclared card data and credentials count as RESTRICTED. */
  sensitivity: ZSensitivity,
  /** The model is approved for this workflow and for that sensitivity. */
  modelApproved: z.boolean(),
  action: ZScreenAction,
});
export type TScreenedClass = z.infer<typeof ZScreenedClass>;

export const ZScreenResponse = z.object({
  screeningId: z.uuid(),
  /** allow: send `content` as it is; redact: send `content`, which has had values removed; deny: send nothing. */
  outcome: ZScreenAction,
  workflowKey: z.string(),
  model: z.string(),
  kind: ZScreenKind,
  screenedAt: z.iso.datetime(),
  registryVersion: z.string(),
  classes: z.array(ZScreenedClass),
  /** Values replaced by a `[REDACTED:<kind>]` placeholder. */
  redactions: z.number().int().min(0),
  /** What may be sent: the content with the redactions applied; null when denied. */
  content: z.unknown(),
  /** Why, as decision reasons: the same codes the decision log and the console use. */
  reasons: z.array(ZDecisionReason).min(1),
});
export type TScreenResponse = z.infer<typeof ZScreenResponse>;
