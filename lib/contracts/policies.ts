import { z } from "zod";
import { ZCatalogKey } from "./registry";

export const MAX_POLICY_TEXT = 20_000;

const ZName = z.string().trim().min(1, "Enter a name").max(200, "Use at most 200 characters");
const ZDescription = z.string().trim().max(2_000, "Use at most 2,000 characters");
/** Cedar source; whether it parses is checked on the server with Cedar itself. */
const ZCedarText = z
  .string()
  .max(MAX_POLICY_TEXT, `Use at most ${MAX_POLICY_TEXT.toLocaleString("en")} characters`)
  .refine((text) => text.trim().length > 0, "Write at least one Cedar policy");

export const ZPolicyIdParams = z.object({ id: z.uuid("Not a policy id") });

export const ZCreatePolicy = z.object({
  key: ZCatalogKey,
  name: ZName,
  description: ZDescription.default(""),
  text: ZCedarText,
  enabled: z.boolean().default(true),
});
export type TCreatePolicy = z.input<typeof ZCreatePolicy>;
export type TCreatePolicyInput = z.output<typeof ZCreatePolicy>;

const PROPOSABLE = ["name", "description", "text", "enabled"] as const;

export const ZProposePolicyChange = z
  .object({
    name: ZName.optional(),
    description: ZDescription.optional(),
    text: ZCedarText.optional(),
    enabled: z.boolean().optional(),
    /** The policy version the proposal was written against. */
    expectedVersion: z.number().int().min(0),
  })
  .refine((input) => PROPOSABLE.some((f) => input[f] !== undefined), {
    message: `Send at least one of ${PROPOSABLE.join(", ")}`,
    path: ["text"],
  });
export type TProposePolicyChange = z.input<typeof ZProposePolicyChange>;
export type TProposePolicyChangeInput = z.output<typeof ZProposePolicyChange>;

/** What a POLICY change request carries in `proposed`: the whole policy as it would be. */
export const ZPolicyProposal = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  text: z.string(),
  enabled: z.boolean(),
});
export type TPolicyProposal = z.infer<typeof ZPolicyProposal>;

export const ZPolicyDiffLine = z.object({ op: z.enum(["same", "added", "removed"]), text: z.string() });
export type TPolicyDiffLine = z.infer<typeof ZPolicyDiffLine>;

/** What a POLICY change request carries in `diff`: the text before and after, line by line. */
export const ZPolicyDiff = z.object({
  fields: z.array(z.object({ field: z.enum(["name", "description", "enabled"]), before: z.unknown(), after: z.unknown() })),
  before: z.array(z.string()),
  after: z.array(z.string()),
  lines: z.array(ZPolicyDiffLine),
});
export type TPolicyDiff = z.infer<typeof ZPolicyDiff>;

/** `draft`: created but not yet approved once (version 0, not enforced). */
export const ZPolicyState = z.enum(["draft", "enabled", "disabled"]);

export const ZPolicyView = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  text: z.string(),
  version: z.number().int(),
  enabled: z.boolean(),
  state: ZPolicyState,
  createdBy: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  pendingChangeRequestId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPolicyView = z.infer<typeof ZPolicyView>;

export const ZPolicyList = z.object({ items: z.array(ZPolicyView) });
export type TPolicyList = z.infer<typeof ZPolicyList>;

export const ZPolicyVersionView = z.object({
  version: z.number().int(),
  text: z.string(),
  createdAt: z.string(),
  changeRequestId: z.string().nullable(),
});

export const ZPolicyChangeView = z.object({
  id: z.string(),
  status: z.enum(["PENDING", "APPROVED", "REJECTED", "WITHDRAWN"]),
  summary: z.string(),
  baseVersion: z.number().int(),
  requestedBy: z.object({ name: z.string(), email: z.string() }),
  createdAt: z.string(),
  diff: ZPolicyDiff.nullable(),
});

export const ZPolicyDetail = ZPolicyView.extend({
  /** Newest first. */
  versions: z.array(ZPolicyVersionView),
  pendingChanges: z.array(ZPolicyChangeView),
  /** The most recent proposal, whatever became of it: where a draft's next proposal starts. */
  latestProposal: ZPolicyProposal.nullable(),
});
export type TPolicyDetail = z.infer<typeof ZPolicyDetail>;

/** The answer to a create or edit: nothing applies until a second SECURITY user approves. */
export const ZPolicyChangeOpened = z.object({
  policy: ZPolicyView,
  changeRequest: z.object({ id: z.string(), summary: z.string(), status: z.literal("PENDING") }),
});
export type TPolicyChangeOpened = z.infer<typeof ZPolicyChangeOpened>;
