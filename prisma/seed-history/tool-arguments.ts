import type { TRandom } from "./random";

// Arguments the demo fleet's agents send, per catalog tool: what a well-behaved call looks like,
// and the ways agents get it wrong that the gate exists to catch.
export type TArgs = Record<string, unknown>;

const FIRST = ["Maria", "Tom", "Aisha", "Lars", "Chen", "Sofia", "Omar", "Elena", "Jamal", "Yuki", "Noah", "Ines"];
const LAST = ["Garcia", "Okoro", "Jensen", "Novak", "Rossi", "Haddad", "Tanaka", "Moreau", "Schmidt", "Silva"];
const TOPICS = ["refund not received", "double charge", "login loop", "export stuck", "invoice address", "SSO error", "API 502s"];
const PROJECTS = ["SUP", "ENG", "BILL", "PLAT"];
const GROUPS = ["eng-readonly", "support-agents", "finance-viewers", "oncall", "sales-ops"];
const REPOS = ["web-app", "billing-service", "infra-terraform", "docs", "mobile-app"];
const CHANNELS = ["#incidents", "#status-updates", "#support-escalations"];

const alnum = (random: TRandom, length: number) =>
  Array.from({ length }, () => "abcdefghjkmnpqrstuvwxyz23456789"[random.int(0, 30)]).join("");
export const personName = (random: TRandom) => `${random.pick(FIRST)} ${random.pick(LAST)}`;
const ticketId = (random: TRandom) => `ZD-${random.int(40_000, 99_999)}`;

/** A card number that passes Luhn under a known issuer prefix: what DLP exists to find. */
export function cardNumber(random: TRandom): string {
  const digits = [4, ...Array.from({ length: 14 }, () => random.int(0, 9))];
  // The check digit that makes the Luhn sum a multiple of 10.
  const sum = digits
    .slice()
    .reverse()
    .reduce((total, d, i) => total + (i % 2 === 0 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  digits.push((10 - (sum % 10)) % 10);
  return digits.join("").replace(/(\d{4})(?=\d)/g, "$1 ");
}

export const customerEmail = (random: TRandom) =>
  `${random.pick(FIRST).toLowerCase()}.${random.pick(LAST).toLowerCase()}${random.int(1, 99)}@example.com`;

/** Well-formed arguments for each tool the demo workflows use. */
export const VALID_ARGUMENTS: Record<string, (random: TRandom) => TArgs> = {
  "zendesk.ticket.read": (r) => ({ ticketId: ticketId(r) }),
  "kb.search": (r) => ({ query: `${r.pick(TOPICS)} ${r.pick(["workaround", "known issue", "how to", "status"])}` }),
  "jira.issue.create": (r) => ({ project: r.pick(PROJECTS), summary: `Customer reports ${r.pick(TOPICS)} (${ticketId(r)})` }),
  "crm.contact.update": (r) => ({
    contactId: `003${alnum(r, 12)}`,
    fields: r.pick([
      { title: "Head of Operations" },
      { country: "DE" },
      { lifecycleStage: "customer" },
      { duplicateOf: `003${alnum(r, 12)}` },
    ]),
  }),
  "crm.contact.delete": (r) => ({ contactId: `003${alnum(r, 12)}` }),
  "email.send": (r) => ({
    to: customerEmail(r),
    subject: `Your refund for ${ticketId(r)}`,
    body: `Hello ${r.pick(FIRST)}, we refunded the duplicate charge; it shows on your statement within 5 business days.`,
  }),
  "slack.message.post": (r) => ({
    channel: r.pick(CHANNELS),
    text: `Incident update: ${r.pick(["API latency", "checkout errors", "login failures"])} ${r.pick(["investigating", "mitigated", "resolved"])}`,
  }),
  "stripe.refund": (r) => ({
    chargeId: `ch_${alnum(r, 20)}`,
    amount: r.int(5, 400) * 100 + r.int(0, 99),
    currency: r.pick(["USD", "EUR", "GBP"]),
  }),
  "netsuite.payment.create": (r) => ({ vendorId: `V-${r.int(1000, 9999)}`, amount: Math.round(r.logNormal(4_000, 0.8) * 100) / 100 }),
  "okta.group.add_member": (r) => ({ userId: `00u${alnum(r, 17)}`, groupId: r.pick(GROUPS) }),
  "github.repo.grant_access": (r) => ({
    repo: r.pick(REPOS),
    user: `${r.pick(FIRST).toLowerCase()}-${alnum(r, 4)}`,
    permission: r.pick(["read", "write"]),
  }),
};

export type TFault =
  /** A required field missing or mistyped: rule 4, the tool's contract. */
  | "contract"
  /** Over the workflow's own cap on this tool: rule 4, its constraints. */
  | "over-limit"
  /** A card number pasted into free text. */
  | "card-in-text"
  /** A customer's e-mail address pasted into free text. */
  | "email-in-text";

/** The same call gone wrong in one way; null when that fault makes no sense for the tool. */
export function faultyArguments(tool: string, fault: TFault, random: TRandom): TArgs | null {
  const valid = VALID_ARGUMENTS[tool]?.(random);
  if (!valid) return null;
  switch (fault) {
    case "contract": {
      // The two mistakes models make most: dropping a required field, and the wrong type.
      const [first, ...rest] = Object.keys(valid);
      if (!first) return null;
      return asSent(random.chance(0.5) && rest.length ? { ...valid, [first]: undefined } : { ...valid, [first]: 12345 });
    }
    case "over-limit":
      if (tool === "stripe.refund") return { ...valid, amount: random.int(501, 2_000) * 100 };
      if (tool === "netsuite.payment.create") return { ...valid, amount: random.int(25_001, 80_000) };
      return null;
    case "card-in-text":
    case "email-in-text": {
      const field = ["body", "text", "summary", "query"].find((f) => typeof valid[f] === "string");
      if (!field) return null;
      const leak = fault === "card-in-text" ? `card ${cardNumber(random)}` : `customer ${customerEmail(random)}`;
      return { ...valid, [field]: `${String(valid[field])} (${leak})` };
    }
  }
}

/** A call's arguments as an agent with these habits sends them: now and then wrong in one of its ways. */
export function argumentsFor(faults: Partial<Record<TFault, number>>, tool: string, random: TRandom): TArgs {
  for (const [fault, probability] of Object.entries(faults) as [TFault, number][]) {
    if (!random.chance(probability)) continue;
    const faulty = faultyArguments(tool, fault, random);
    if (faulty) return faulty;
  }
  const valid = VALID_ARGUMENTS[tool];
  if (!valid) throw new Error(`the demo fleet has no arguments for ${tool}`);
  return asSent(valid(random));
}

/** JSON drops undefined fields, as the SDK's request body would. */
export const asSent = (args: TArgs): TArgs => JSON.parse(JSON.stringify(args)) as TArgs;
