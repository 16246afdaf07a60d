import type { TRandom } from "./random";
import type { TRhythm } from "./rhythm";
import type { TFault } from "./tool-arguments";

// The demo fleet: how each demo workflow's automation behaves. A few busy agents carry most of
// the traffic and the rest are quiet; each gets things wrong in its own typical ways, at rates,
// never at set times. Models and data classes come from the registry (see history-setup.ts).

export type TStep = {
  tool: string;
  /** A denied essential step ends the run; a denied optional one is skipped. */
  essential: boolean;
  /** How many times in a row (a bulk update, a payment run), a few seconds apart. */
  repeat?: number;
};

/** Forced: the run takes its approval-needing path (the requests still waiting at the end of the history). */
export type TRecipeOptions = { needsApproval: boolean };

export type TProfile = {
  key: string;
  runsPerDay: number;
  rhythm: TRhythm;
  /** Only in these days of the history (the first is 0), e.g. a cron job someone forgot. */
  activeDays?: readonly [number, number];
  recipe(random: TRandom, options: TRecipeOptions): TStep[];
  /** Per call, how likely each way of getting the arguments wrong is (tools it makes no sense for are skipped). */
  faults: Partial<Record<TFault, number>>;
  /** Now and then the agent calls a tool its workflow is not allowed (a model improvising). */
  strayTool?: { tool: string; probability: number };
  /** Now and then it names a model its workflow does not list (a config drift, a new SDK default). */
  strayModel?: { model: string; probability: number };
  /** The model it falls back to when its provider fails (whether that one is approved is the gate's business). */
  fallbackModel?: string;
  /** Tools whose successful calls people sometimes undo (a rollback) or correct (a human override). */
  undoable?: readonly string[];
};

const step = (tool: string, essential = true, repeat?: number): TStep => ({ tool, essential, ...(repeat ? { repeat } : {}) });

export const FLEET: readonly TProfile[] = [
  {
    key: "ticket-triage",
    runsPerDay: 80,
    rhythm: "business-hours",
    recipe: (r) => [
      step("zendesk.ticket.read"),
      ...Array.from({ length: r.int(0, 2) }, () => step("kb.search", false)),
      ...(r.chance(0.45) ? [step("jira.issue.create")] : []),
    ],
    // Pasting what the ticket says: a card number (not declared here: DLP), an e-mail address (declared, but policy keeps it out of Jira).
    faults: { "card-in-text": 0.006, "email-in-text": 0.012, contract: 0.004 },
    strayTool: { tool: "slack.message.post", probability: 0.004 },
    fallbackModel: "anthropic/claude-sonnet-4-5/2025-09-29",
    undoable: ["jira.issue.create"],
  },
  {
    key: "crm-hygiene",
    runsPerDay: 28,
    rhythm: "nightly-batch",
    recipe: (r, o) => [
      step("crm.contact.update", true, r.int(2, 7)),
      ...(o.needsApproval || r.chance(0.05) ? [step("crm.contact.delete", false)] : []),
    ],
    faults: { contract: 0.004 },
    fallbackModel: "anthropic/claude-sonnet-4-5/2025-09-29",
    undoable: ["crm.contact.update"],
  },
  {
    key: "support-refunds",
    runsPerDay: 22,
    rhythm: "business-hours",
    recipe: (r, o) => {
      const refund = o.needsApproval || r.chance(0.15);
      return [step("zendesk.ticket.read"), ...(refund ? [step("stripe.refund"), step("email.send")] : [])];
    },
    faults: { "over-limit": 0.1, "card-in-text": 0.12, contract: 0.004 },
    undoable: ["stripe.refund"],
  },
  {
    key: "incident-notifier",
    runsPerDay: 12,
    rhythm: "around-the-clock",
    recipe: (r, o) => [
      step("kb.search"),
      ...(r.chance(0.5) ? [step("kb.search", false)] : []),
      ...(o.needsApproval || r.chance(0.15) ? [step("slack.message.post")] : []),
    ],
    faults: { "email-in-text": 0.05 },
    strayModel: { model: "google/gemini-2.5-flash/001", probability: 0.015 },
  },
  {
    key: "access-requests",
    runsPerDay: 3,
    rhythm: "business-hours",
    recipe: (r, o) => [step("okta.group.add_member"), ...(!o.needsApproval && r.chance(0.15) ? [step("github.repo.grant_access")] : [])],
    faults: { contract: 0.03 },
    strayModel: { model: "openai/gpt-4.1/2025-04-14", probability: 0.03 },
  },
  {
    key: "vendor-payments",
    // One payment run a week, paying a batch of invoices in quick succession.
    runsPerDay: 1 / 7,
    rhythm: "weekly-run",
    recipe: (r) => [step("netsuite.payment.create", true, r.int(5, 10))],
    faults: { "over-limit": 0.15 },
  },
  {
    key: "churn-outreach",
    // Paused in the registry, but a cron job nobody turned off kept calling for a week or so.
    runsPerDay: 2,
    rhythm: "business-hours",
    activeDays: [0, 9],
    recipe: () => [step("email.send")],
    faults: {},
  },
];

/** Keys nobody registered, used by automations anyway (with a registered workflow's token). */
export const SHADOW_FLEET: readonly {
  key: string;
  reportsWith: string;
  runsPerDay: number;
  /** When it first shows up, as a share of the history (0: from the start). */
  appearsAt: number;
  tools: readonly string[];
}[] = [
  {
    key: "sales-email-drafter",
    reportsWith: "ticket-triage",
    runsPerDay: 14,
    appearsAt: 0.13,
    tools: ["email.send", "crm.contact.update"],
  },
  { key: "hr-onboarding-bot", reportsWith: "crm-hygiene", runsPerDay: 5, appearsAt: 0.4, tools: ["okta.group.add_member"] },
  { key: "pricing-scraper", reportsWith: "ticket-triage", runsPerDay: 9, appearsAt: 0.7, tools: ["kb.search"] },
];

/** Median latency (ms) of each tool when healthy; results vary log-normally around it. */
export const TOOL_LATENCY_MS: Record<string, number> = {
  "zendesk.ticket.read": 180,
  "kb.search": 140,
  "jira.issue.create": 450,
  "crm.contact.update": 260,
  "crm.contact.delete": 320,
  "email.send": 620,
  "slack.message.post": 240,
  "stripe.refund": 950,
  "netsuite.payment.create": 1_600,
  "okta.group.add_member": 700,
  "github.repo.grant_access": 520,
};
