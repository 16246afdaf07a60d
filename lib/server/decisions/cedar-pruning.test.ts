import { isAuthorized } from "@cedar-policy/cedar-wasm/nodejs";
import { describe, expect, it } from "vitest";
import { scanForSensitiveData } from "../dlp/scan-for-sensitive-data";
import { buildCedarContext } from "./build-cedar-context";
import { CEDAR_CONTEXT_ATTRIBUTES, CEDAR_DEFAULT_PERMIT } from "./cedar-schema";
import { CLAUDE, DATA_CLASSES, decideWith, givenSnapshot, GPT, NO_RESTRICTED_MONEY_IN_PROD } from "@/test/fixtures/decisions";
import { sensitivityRank, type TDataTag, type TSensitivity } from "./types";

// Slicing by scope, pruning by partial evaluation and sending only the attributes read are all
// optimisations: none may change whether a call is forbidden. Checked against Cedar's plain
// isAuthorized over every policy with the full context.
const POLICIES = [
  NO_RESTRICTED_MONEY_IN_PROD,
  {
    key: "t3-on-pci",
    version: 1,
    text: 'forbid (principal, action, resource) when { context.tier == "T3" && context.tags.contains("PCI") };',
  },
  { key: "big-amounts", version: 1, text: "forbid (principal, action, resource) when { context has amount && context.amount > 40000 };" },
  {
    key: "no-gpt-email",
    version: 1,
    text: 'forbid (principal, action, resource == Tool::"email.send") when { context.provider == "openai" };',
  },
  { key: "other-flow", version: 1, text: 'forbid (principal == Workflow::"ticket-triage", action, resource);' },
  {
    key: "ranked",
    version: 1,
    text: 'forbid (principal, action, resource) unless { context.sensitivityRank < 3 || context.consequence == "READ" };',
  },
  {
    key: "write-in-staging",
    version: 1,
    text: 'forbid (principal == Workflow::"support-refunds", action, resource) when { context.environment == "STAGING" && context.consequence == "WRITE" };',
  },
];

const CALLS = [
  { tool: "zendesk.ticket.read", consequence: "READ", tier: "T0", arguments: { ticketId: "ZD-1" } },
  { tool: "crm.contact.update", consequence: "WRITE", tier: "T1", arguments: { contactId: "c-1", fields: { amount: 45000 } } },
  {
    tool: "email.send",
    consequence: "EXTERNAL_COMMUNICATION",
    tier: "T2",
    arguments: { to: "ada@example.com", subject: "Hi", body: "Done" },
  },
  { tool: "stripe.refund", consequence: "MONEY_MOVEMENT", tier: "T3", arguments: { chargeId: "ch_1", amount: 12_000, currency: "USD" } },
  { tool: "stripe.refund", consequence: "MONEY_MOVEMENT", tier: "T3", arguments: { chargeId: "ch_1", amount: 45_000, currency: "USD" } },
];
const CLASS_SETS = [[], ["support-tickets"], ["payment-cards"], ["support-tickets", "payment-cards"]];

function forbiddenByReference(
  call: (typeof CALLS)[number],
  environment: "PROD" | "STAGING",
  dataClasses: string[],
  model: string,
): boolean {
  const declared = [DATA_CLASSES.tickets, DATA_CLASSES.cards];
  const classes = declared.filter((c) => dataClasses.includes(c.key));
  // DLP findings count as the most sensitive declared class carrying their tag.
  const detectedTags = scanForSensitiveData({ value: call.arguments }).tags;
  const detected = declared.filter((c) => c.tags.some((t) => detectedTags.has(t)));
  const rank = Math.max(0, ...[...classes, ...detected].map((c) => sensitivityRank(c.sensitivity)));
  const tags = new Set<TDataTag>([...classes.flatMap((c) => [...c.tags]), ...detectedTags]);
  const facts = {
    environment,
    consequence: call.consequence,
    tier: call.tier,
    sensitivity: (["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"] as const)[rank] as TSensitivity,
  };
  const answer = isAuthorized({
    principal: { type: "Workflow", id: "support-refunds" },
    action: { type: "Action", id: "call" },
    resource: { type: "Tool", id: call.tool },
    context: buildCedarContext({
      attributes: new Set(CEDAR_CONTEXT_ATTRIBUTES),
      facts: { ...facts, dataClasses, tags, detectedTags, model, args: call.arguments },
    }),
    policies: { staticPolicies: Object.fromEntries([["permit", CEDAR_DEFAULT_PERMIT], ...POLICIES.map((p) => [p.key, p.text])]) },
    entities: [],
  });
  if (answer.type === "failure") throw new Error(answer.errors[0]?.message);
  return answer.response.decision === "deny" || answer.response.diagnostics.errors.length > 0;
}

describe("Cedar slicing and pruning never change an answer", () => {
  it.each(["PROD", "STAGING"] as const)("agrees with plain isAuthorized over every call in %s", (environment) => {
    const snapshot = givenSnapshot({ environment, policies: POLICIES });
    let forbidden = 0;
    for (const call of CALLS) {
      for (const dataClasses of CLASS_SETS) {
        for (const model of [CLAUDE, GPT]) {
          const request = { tool: call.tool, arguments: call.arguments, dataClasses, model };
          const decision = decideWith({ snapshot, token: { environment }, request });
          if (decision.reasons[0]?.rule === 6 || decision.reasons[0]?.rule === 4) continue;
          const expected = forbiddenByReference(call, environment, dataClasses, model);
          expect({ ...request, forbidden: decision.reasons[0]?.rule === 8 }).toEqual({ ...request, forbidden: expected });
          if (expected) forbidden++;
        }
      }
    }
    expect(forbidden).toBeGreaterThan(3);
  });
});
