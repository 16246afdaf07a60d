import "server-only";
import type { TDecisionRequestInput } from "@/lib/contracts/decisions";
import { compileWorkflowSnapshot } from "./compile-workflow-snapshot";
import { createInMemoryRateLimiter } from "./create-in-memory-rate-limiter";
import { decide, type TDecideOptions } from "./decide";
import type { TKillSwitchScope, TKillSwitchView, TWorkflowRegistryRecord } from "./types";

// Shaped like the demo registry (prisma/demo-data.ts): shared by the unit tests and the bench.
const object = (properties: Record<string, unknown>, required: string[]) => ({ type: "object", properties, required, additionalProperties: false });
const str = { type: "string", minLength: 1 };

export const TOOLS = {
  ticketRead: { key: "zendesk.ticket.read", consequence: "READ", argumentSchema: object({ ticketId: str, note: { type: "string" } }, ["ticketId"]) },
  contactUpdate: { key: "crm.contact.update", consequence: "WRITE", argumentSchema: object({ contactId: str, fields: { type: "object" } }, ["contactId", "fields"]) },
  emailSend: { key: "email.send", consequence: "EXTERNAL_COMMUNICATION", argumentSchema: object({ to: { type: "string", format: "email" }, subject: str, body: str }, ["to", "subject", "body"]) },
  refund: {
    key: "stripe.refund",
    consequence: "MONEY_MOVEMENT",
    argumentSchema: object({ chargeId: str, amount: { type: "integer", minimum: 1 }, currency: { type: "string", pattern: "^[A-Z]{3}$" }, note: { type: "string" } }, ["chargeId", "amount", "currency"]),
  },
} as const;

export const DATA_CLASSES = {
  tickets: { key: "support-tickets", sensitivity: "INTERNAL", tags: ["PII"] },
  cards: { key: "payment-cards", sensitivity: "RESTRICTED", tags: ["PCI", "PII"] },
  health: { key: "health-records", sensitivity: "RESTRICTED", tags: ["PHI", "PII"] },
} as const;

export const MODELS = {
  claude: { provider: "anthropic", model: "claude-sonnet-4-5", version: "2025-09-29", status: "APPROVED", maxSensitivity: "RESTRICTED" },
  gpt: { provider: "openai", model: "gpt-4.1", version: "2025-04-14", status: "APPROVED", maxSensitivity: "CONFIDENTIAL" },
  mistral: { provider: "mistral", model: "mistral-large", version: "2411", status: "SUSPENDED", maxSensitivity: "INTERNAL" },
} as const;
export const CLAUDE = "anthropic/claude-sonnet-4-5/2025-09-29";
export const GPT = "openai/gpt-4.1/2025-04-14";
export const MISTRAL = "mistral/mistral-large/2411";

/** The PRODUCT.md example policy. */
export const NO_RESTRICTED_MONEY_IN_PROD = {
  key: "no-restricted-money-in-prod",
  version: 1,
  text: 'forbid (principal, action, resource)\nwhen { context.consequence == "MONEY_MOVEMENT" && context.maxSensitivity == "RESTRICTED" && context.environment == "PROD" };',
};

/** support-refunds: PROD, ACTIVE, tickets + cards, Claude and GPT; refunds capped at 50,000 and 10/min. */
export function givenRecord(overrides: Partial<TWorkflowRegistryRecord> = {}): TWorkflowRegistryRecord {
  return {
    id: "7f7c1b1e-0000-4000-8000-000000000001",
    key: "support-refunds",
    status: "ACTIVE",
    environment: "PROD",
    version: 3,
    dataClasses: [DATA_CLASSES.tickets, DATA_CLASSES.cards],
    models: [MODELS.claude, MODELS.gpt, MODELS.mistral],
    tools: [
      { ...TOOLS.ticketRead, argumentConstraints: null, ratePerMinute: null, tier: "T0" },
      { ...TOOLS.contactUpdate, argumentConstraints: null, ratePerMinute: 60, tier: "T1" },
      { ...TOOLS.emailSend, argumentConstraints: null, ratePerMinute: 30, tier: "T2" },
      { ...TOOLS.refund, argumentConstraints: { type: "object", properties: { amount: { maximum: 50_000 } } }, ratePerMinute: 10, tier: "T3" },
    ],
    policies: [],
    ...overrides,
  };
}

export const givenSnapshot = (overrides: Partial<TWorkflowRegistryRecord> = {}) =>
  compileWorkflowSnapshot({ record: givenRecord(overrides), registryVersion: "r42" });

/** A kill-switch view over a fixed list of engaged switches, e.g. [["TOOL", "stripe.refund"]]. */
export function givenKillSwitches(engaged: readonly (readonly [TKillSwitchScope, string])[] = []): TKillSwitchView {
  const keys = new Set(engaged.map(([scope, target]) => `${scope} ${target}`));
  return { engaged: ({ scope, target }) => (keys.has(`${scope} ${target}`) ? { reason: `drill of ${scope.toLowerCase()} ${target}` } : null) };
}

export function givenRequest(overrides: Partial<TDecisionRequestInput> = {}): TDecisionRequestInput {
  return { runId: "run-1", tool: "zendesk.ticket.read", arguments: { ticketId: "ZD-48213" }, dataClasses: ["support-tickets"], model: CLAUDE, ...overrides };
}

/** `decide` with a fresh limiter, no engaged switches, a PROD token and a fixed clock unless given. */
export function decideWith(options: Partial<Omit<TDecideOptions, "request">> & { request?: Partial<TDecisionRequestInput> }) {
  return decide({
    snapshot: options.snapshot ?? givenSnapshot(),
    request: givenRequest(options.request),
    token: options.token ?? { environment: "PROD" },
    killSwitches: options.killSwitches ?? givenKillSwitches(),
    rateLimiter: options.rateLimiter ?? createInMemoryRateLimiter(),
    now: options.now ?? Date.parse("2026-03-15T10:00:00Z"),
  });
}
