import "server-only";

/**
 * What a custom Cedar policy sees at rule 8 — one request per tool call:
 *
 *   principal  Workflow::"<workflow key>"          e.g. Workflow::"support-refunds"
 *   action     Action::"call"                       every tool call; the consequence is in context
 *   resource   Tool::"<tool key>"                   e.g. Tool::"stripe.refund"
 *   entities   none: everything a policy can test is in `context` (below)
 *
 * Tollgate uses Cedar only to forbid. Each slice carries a built-in `permit(principal, action,
 * resource)`, so with no applicable policy the answer is "not forbidden", `permit` policies have
 * no effect, and a matching `forbid` denies (Cedar's forbid-overrides-permit). A policy that
 * errors while evaluating (e.g. reads `context.amount` without `context has amount`) also denies:
 * Cedar would skip it, which for a forbid means failing open. Validating policy text against
 * DECISION_CEDAR_SCHEMA at review catches that mistake before it is enforced.
 *
 * The PRODUCT.md example, "forbid MONEY_MOVEMENT on RESTRICTED data in prod":
 *
 *   forbid (principal, action, resource)
 *   when { context.consequence == "MONEY_MOVEMENT" && context.maxSensitivity == "RESTRICTED"
 *          && context.environment == "PROD" };
 */
export const DECISION_CEDAR_SCHEMA = `
entity Workflow;
entity Tool;
action "call" appliesTo {
  principal: Workflow,
  resource: Tool,
  context: {
    environment: String,      // the workflow's: "DEV" | "STAGING" | "PROD"
    consequence: String,      // the tool's: "READ" | "WRITE" | "EXTERNAL_COMMUNICATION" | "PERMISSION_CHANGE" | "MONEY_MOVEMENT" | "DESTRUCTIVE"
    tier: String,             // the tool's tier for this workflow: "T0" .. "T3"
    maxSensitivity: String,   // highest sensitivity involved: touched data classes and DLP findings
    sensitivityRank: Long,    // the same as 0 (PUBLIC) .. 3 (RESTRICTED), for ordered comparisons
    dataClasses: Set<String>, // keys of the data classes the call says it touches
    tags: Set<String>,        // tags of those classes plus tags DLP found: "PII" | "PCI" | "PHI" | "CREDENTIALS"
    detectedTags: Set<String>,// tags DLP found in the arguments alone
    model: String,            // "provider/model/version"
    provider: String,
    amount?: Long,            // arguments.amount, when it is an integer
  },
};
`;

export const CEDAR_CONTEXT_ATTRIBUTES = [
  "environment",
  "consequence",
  "tier",
  "maxSensitivity",
  "sensitivityRank",
  "dataClasses",
  "tags",
  "detectedTags",
  "model",
  "provider",
  "amount",
] as const;
export type TCedarContextAttribute = (typeof CEDAR_CONTEXT_ATTRIBUTES)[number];

export const CEDAR_DEFAULT_PERMIT_ID = "tollgate:default-permit";
export const CEDAR_DEFAULT_PERMIT = "permit (principal, action, resource);";
