import { z } from "zod";
import { ZCatalogKey, ZJsonSchemaObject } from "./registry";
import { ZApprovalTier, ZConsequence, ZDataTag, ZEnvironment, ZSensitivity, ZWorkflowStatus } from "./registry-enums";

const ZName = z.string().trim().min(1, "Enter a name").max(200, "Use at most 200 characters");
const ZDays = z
  .number({ error: "Enter a number of days" })
  .int("Use whole days")
  .min(0, "Use 0 or more days")
  .max(36_500, "Use at most 36,500 days");
/** The `updatedAt` the editor saw; a newer row means someone else changed it first. */
const ZExpectedUpdatedAt = z.iso.datetime({ offset: true, error: "Send the updatedAt of the version you edited" });
const atLeastOne = (fields: readonly string[]) => (input: Record<string, unknown>) => fields.some((f) => input[f] !== undefined);
const oneOf = (fields: readonly string[]) => ({ message: `Send at least one of ${fields.join(", ")}`, path: [fields[0] ?? "body"] });

export const ZCatalogIdParams = z.object({ id: z.uuid("Not a catalog entry id") });

/** A workflow that a catalog entry reaches: listed when it blocks a change or is affected by one. */
export const ZCatalogWorkflowRef = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  status: ZWorkflowStatus,
  environment: ZEnvironment,
});
export type TCatalogWorkflowRef = z.infer<typeof ZCatalogWorkflowRef>;

// Data classes

const ZTags = z
  .array(ZDataTag)
  .max(4)
  // Stored once each in a fixed order, so equal sets compare and display equally.
  .transform((tags) => ZDataTag.options.filter((t) => tags.includes(t)));

const DATA_CLASS_FIELDS = ["name", "sensitivity", "tags", "retentionDays"] as const;
const dataClassFields = { name: ZName, sensitivity: ZSensitivity, tags: ZTags, retentionDays: ZDays };

export const ZCreateDataClass = z.object({ key: ZCatalogKey, ...dataClassFields });
export type TCreateDataClass = z.input<typeof ZCreateDataClass>;
export type TCreateDataClassInput = z.output<typeof ZCreateDataClass>;

export const ZUpdateDataClass = z
  .object({ ...z.object(dataClassFields).partial().shape, expectedUpdatedAt: ZExpectedUpdatedAt })
  .refine(atLeastOne(DATA_CLASS_FIELDS), oneOf(DATA_CLASS_FIELDS));
export type TUpdateDataClass = z.input<typeof ZUpdateDataClass>;
export type TUpdateDataClassInput = z.output<typeof ZUpdateDataClass>;

export const ZDataClassView = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  sensitivity: ZSensitivity,
  tags: z.array(ZDataTag),
  retentionDays: z.number().int(),
  /** Workflows declaring it, among those the reader may see. */
  workflowCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TDataClassView = z.infer<typeof ZDataClassView>;

export const ZDataClassList = z.object({ items: z.array(ZDataClassView) });
export type TDataClassList = z.infer<typeof ZDataClassList>;

export const ZRecomputedWorkflow = z.object({
  id: z.string(),
  key: z.string(),
  before: ZSensitivity.nullable(),
  after: ZSensitivity.nullable(),
});

/** An updated data class, with the workflows whose highest sensitivity moved with it. */
export const ZDataClassUpdated = ZDataClassView.extend({ recomputedWorkflows: z.array(ZRecomputedWorkflow) });
export type TDataClassUpdated = z.infer<typeof ZDataClassUpdated>;

// Approved models

export const ZModelStatus = z.enum(["APPROVED", "SUSPENDED"]);
export type TModelStatus = z.infer<typeof ZModelStatus>;

const ZModelPart = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}`)
    .max(100, "Use at most 100 characters")
    .regex(/^[^/\s]+$/, "No slashes or spaces: models are named provider/model/version");
const ZRegion = z
  .string()
  .trim()
  .min(2, "A region has at least 2 characters")
  .max(40, "A region has at most 40 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "Use letters, digits and hyphens, e.g. eu-west-1");
const ZRegions = z
  .array(ZRegion)
  .min(1, "List at least one region")
  .max(30, "List at most 30 regions")
  .transform((regions) => [...new Set(regions)]);

const MODEL_FIELDS = ["regions", "dataRetentionDays", "trainingOptOut", "loggingPolicy", "maxSensitivity"] as const;
const modelFields = {
  regions: ZRegions,
  dataRetentionDays: ZDays,
  trainingOptOut: z.boolean({ error: "Say whether the provider trains on your data" }),
  loggingPolicy: z.string().trim().min(1, "Describe the provider's logging policy").max(500, "Use at most 500 characters"),
  maxSensitivity: ZSensitivity,
};

export const ZCreateModel = z.object({
  provider: ZModelPart("provider"),
  model: ZModelPart("model"),
  version: ZModelPart("version"),
  ...modelFields,
});
export type TCreateModel = z.input<typeof ZCreateModel>;
export type TCreateModelInput = z.output<typeof ZCreateModel>;

export const ZUpdateModel = z
  .object({ ...z.object(modelFields).partial().shape, expectedUpdatedAt: ZExpectedUpdatedAt })
  .refine(atLeastOne(MODEL_FIELDS), oneOf(MODEL_FIELDS));
export type TUpdateModel = z.input<typeof ZUpdateModel>;
export type TUpdateModelInput = z.output<typeof ZUpdateModel>;

export const ZSetModelStatus = z.object({
  status: ZModelStatus,
  reason: z.string().trim().min(3, "Say why, in a few words").max(500, "Use at most 500 characters"),
});
export type TSetModelStatus = z.input<typeof ZSetModelStatus>;

export const ZModelView = z.object({
  id: z.string(),
  provider: z.string(),
  model: z.string(),
  version: z.string(),
  /** `provider/model/version`, as workflows name it. */
  ref: z.string(),
  regions: z.array(z.string()),
  dataRetentionDays: z.number().int(),
  trainingOptOut: z.boolean(),
  loggingPolicy: z.string(),
  maxSensitivity: ZSensitivity,
  status: ZModelStatus,
  workflowCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TModelView = z.infer<typeof ZModelView>;

export const ZModelList = z.object({ items: z.array(ZModelView) });
export type TModelList = z.infer<typeof ZModelList>;

/** A model with the workflows that list it (those the reader may see): what a suspension reaches. */
export const ZModelDetail = ZModelView.extend({ affectedWorkflows: z.array(ZCatalogWorkflowRef) });
export type TModelDetail = z.infer<typeof ZModelDetail>;

// Tool catalog

const TOOL_FIELDS = ["name", "system", "consequence", "argumentSchema"] as const;
const toolFields = {
  name: ZName,
  system: z.string().trim().min(1, "Name the system the tool acts on, e.g. Stripe").max(100, "Use at most 100 characters"),
  consequence: ZConsequence,
  argumentSchema: ZJsonSchemaObject,
};

export const ZCreateTool = z.object({ key: ZCatalogKey, ...toolFields });
export type TCreateTool = z.input<typeof ZCreateTool>;
export type TCreateToolInput = z.output<typeof ZCreateTool>;

export const ZUpdateTool = z
  .object({ ...z.object(toolFields).partial().shape, expectedUpdatedAt: ZExpectedUpdatedAt })
  .refine(atLeastOne(TOOL_FIELDS), oneOf(TOOL_FIELDS));
export type TUpdateTool = z.input<typeof ZUpdateTool>;
export type TUpdateToolInput = z.output<typeof ZUpdateTool>;

export const ZToolView = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  system: z.string(),
  consequence: ZConsequence,
  /** The least tier a workflow may grant this tool at. */
  defaultTier: ZApprovalTier,
  argumentSchema: ZJsonSchemaObject,
  workflowCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TToolView = z.infer<typeof ZToolView>;

export const ZToolList = z.object({ items: z.array(ZToolView) });
export type TToolList = z.infer<typeof ZToolList>;

// Shadow workflows: keys the runtime saw that nobody registered.

export const ZShadowWorkflowView = z.object({
  key: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  seenCount: z.number().int(),
  lastTool: z.string().nullable(),
  registered: z.boolean(),
  /** The registered workflow, when the reader may see it. */
  workflow: z.object({ id: z.string(), key: z.string(), name: z.string() }).nullable(),
});

export const ZShadowWorkflowList = z.object({ items: z.array(ZShadowWorkflowView), truncated: z.boolean() });
export type TShadowWorkflowList = z.infer<typeof ZShadowWorkflowList>;
