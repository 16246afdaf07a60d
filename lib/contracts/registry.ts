import { z } from "zod";
import { ZApprovalTier } from "./registry-enums";

/** Keys people type and automations send: lower-case slugs, dots allowed for tool keys. */
export const ZWorkflowKey = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters")
  .max(64, "Use at most 64 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, e.g. support-refunds");

export const ZCatalogKey = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters")
  .max(80, "Use at most 80 characters")
  .regex(
    /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
    "Use lower-case letters and digits separated by dots, hyphens or underscores, e.g. stripe.refund",
  );

/** A JSON Schema document; whether it is a *valid* schema is checked on the server with ajv. */
export const ZJsonSchemaObject = z.record(z.string(), z.unknown());

export const ZToolGrant = z.object({
  toolKey: ZCatalogKey,
  ratePerMinute: z.number().int().min(1, "Allow at least 1 call per minute").max(100_000).nullable().default(null),
  argumentConstraints: ZJsonSchemaObject.nullable().default(null),
  tier: ZApprovalTier,
});
export type TToolGrant = z.infer<typeof ZToolGrant>;

/**
 * What a workflow may touch and do: the part of the registry that change review guards once the
 * workflow is active. Models are named `provider/model/version`.
 */
export const ZPermissionSet = z.object({
  dataClassKeys: z.array(ZCatalogKey).max(50),
  modelRefs: z.array(z.string().regex(/^[^/\s]+\/[^/\s]+\/[^/\s]+$/, "Name a model as provider/model/version")).max(20),
  tools: z.array(ZToolGrant).max(200),
});
export type TPermissionSet = z.infer<typeof ZPermissionSet>;

export const ZPermissionChange = z.object({
  kind: z.enum(["added", "removed", "changed"]),
  area: z.enum(["dataClass", "model", "tool"]),
  key: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  text: z.string(),
});
export type TPermissionChange = z.infer<typeof ZPermissionChange>;

export const modelRef = (m: { provider: string; model: string; version: string }) => `${m.provider}/${m.model}/${m.version}`;
