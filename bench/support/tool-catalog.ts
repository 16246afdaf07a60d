import type { TConsequence } from "@/lib/contracts/registry-enums";
import { objectSchema } from "@/prisma/demo-data";
import { random, pick, token } from "./random";

// A catalog of 200 tools as a company's automations would register them: 20 systems, 10 tools
// each, with JSON Schemas of the usual shapes (ids with patterns, enums, bounded text, nested
// objects, e-mail formats, money). Each tool also knows how to make valid arguments, and about
// one call in 40 carries a customer's e-mail or card number in its free text, as real ones do.

export type TCatalogTool = {
  key: string;
  name: string;
  system: string;
  consequence: TConsequence;
  argumentSchema: Record<string, unknown>;
  /** A tighter limit some workflows put on the same arguments. */
  constraints: Record<string, unknown> | null;
  makeArguments: () => Record<string, unknown>;
};

const SYSTEMS = [
  "zendesk",
  "salesforce",
  "jira",
  "stripe",
  "github",
  "okta",
  "slack",
  "sendgrid",
  "s3",
  "netsuite",
  "hubspot",
  "servicenow",
  "confluence",
  "gdrive",
  "snowflake",
  "twilio",
  "shopify",
  "workday",
  "intercom",
  "pagerduty",
];

const id = { type: "string", pattern: "^[A-Za-z0-9_-]{3,64}$" };
const text = (maxLength: number) => ({ type: "string", minLength: 1, maxLength });

const NOTES = [
  "Customer asked for a status update on the order placed last week; no action needed beyond a reply.",
  "Escalated by tier-2 support after reviewing the account history and the last three invoices.",
  "Duplicate of an earlier request, closing the loop with the requester.",
  "Follow-up after the incident review: owner to confirm the fix is deployed.",
];
const SENSITIVE_NOTES = [
  "Customer ada.lovelace@example.com wants the duplicate charge refunded.",
  "Caller read out card 4242 4242 4242 4242 to verify the account, please mask.",
];
const note = () => (random() < 0.025 ? pick(SENSITIVE_NOTES) : pick(NOTES));
const objectId = (prefix: string) => `${prefix}_${token(12)}`;

type TTemplate = {
  verb: string;
  consequence: TConsequence;
  schema: () => Record<string, unknown>;
  constraints?: Record<string, unknown>;
  args: (system: string) => Record<string, unknown>;
};

const TEMPLATES: TTemplate[] = [
  {
    verb: "record.get",
    consequence: "READ",
    schema: () =>
      objectSchema({ id, fields: { type: "array", items: { enum: ["status", "owner", "history", "tags", "amount"] }, maxItems: 5 } }, [
        "id",
      ]),
    args: (s) => ({ id: objectId(s.slice(0, 3)), fields: ["status", "owner"] }),
  },
  {
    verb: "record.search",
    consequence: "READ",
    schema: () =>
      objectSchema(
        {
          query: text(500),
          limit: { type: "integer", minimum: 1, maximum: 200 },
          filters: {
            type: "object",
            properties: { status: { enum: ["open", "pending", "closed"] }, updatedAfter: { type: "string", format: "date-time" } },
            additionalProperties: false,
          },
        },
        ["query"],
      ),
    constraints: { type: "object", properties: { limit: { maximum: 100 } } },
    args: () => ({
      query: pick(["refund duplicate charge", "password reset", "invoice overdue", "vpn access"]),
      limit: 1 + Math.floor(random() * 50),
      filters: { status: pick(["open", "pending"]), updatedAfter: "2026-10-01T00:00:00Z" },
    }),
  },
  {
    verb: "record.list",
    consequence: "READ",
    schema: () =>
      objectSchema(
        {
          cursor: { type: "string", maxLength: 200 },
          limit: { type: "integer", minimum: 1, maximum: 500 },
          sort: { enum: ["asc", "desc"] },
        },
        [],
      ),
    args: () => ({ limit: 25, sort: pick(["asc", "desc"]), cursor: token(16) }),
  },
  {
    verb: "report.read",
    consequence: "READ",
    schema: () => objectSchema({ reportId: id, period: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])$" } }, ["reportId", "period"]),
    args: () => ({ reportId: objectId("rep"), period: `2026-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}` }),
  },
  {
    verb: "record.update",
    consequence: "WRITE",
    schema: () =>
      objectSchema(
        {
          id,
          fields: {
            type: "object",
            properties: {
              status: { enum: ["open", "pending", "solved"] },
              priority: { enum: ["low", "normal", "high", "urgent"] },
              assignee: text(100),
              tags: { type: "array", items: text(40), maxItems: 10 },
            },
            additionalProperties: false,
            minProperties: 1,
          },
        },
        ["id", "fields"],
      ),
    args: (s) => ({
      id: objectId(s.slice(0, 3)),
      fields: { status: pick(["pending", "solved"]), priority: pick(["low", "normal", "high"]), tags: ["automation", "bench"] },
    }),
  },
  {
    verb: "record.create",
    consequence: "WRITE",
    schema: () =>
      objectSchema(
        {
          title: text(200),
          description: text(5_000),
          labels: { type: "array", items: text(40), maxItems: 10 },
          priority: { enum: ["low", "normal", "high"] },
        },
        ["title", "description"],
      ),
    args: () => ({ title: "Follow up on customer request", description: note(), labels: ["agent"], priority: "normal" }),
  },
  {
    verb: "comment.add",
    consequence: "WRITE",
    schema: () => objectSchema({ id, body: text(5_000), public: { type: "boolean" } }, ["id", "body"]),
    args: (s) => ({ id: objectId(s.slice(0, 3)), body: note(), public: random() < 0.3 }),
  },
  {
    verb: "message.send",
    consequence: "EXTERNAL_COMMUNICATION",
    schema: () =>
      objectSchema({ to: { type: "string", format: "email" }, subject: text(200), body: text(10_000) }, ["to", "subject", "body"]),
    args: () => ({ to: "customer@example.com", subject: "Your request", body: pick(NOTES) }),
  },
  {
    verb: "access.grant",
    consequence: "PERMISSION_CHANGE",
    schema: () => objectSchema({ userId: id, groupId: id, role: { enum: ["viewer", "editor", "admin"] } }, ["userId", "groupId", "role"]),
    args: () => ({ userId: objectId("usr"), groupId: objectId("grp"), role: "viewer" }),
  },
  {
    verb: "payment.refund",
    consequence: "MONEY_MOVEMENT",
    schema: () =>
      objectSchema(
        { chargeId: id, amount: { type: "integer", minimum: 1 }, currency: { type: "string", pattern: "^[A-Z]{3}$" }, reason: text(500) },
        ["chargeId", "amount", "currency"],
      ),
    constraints: { type: "object", properties: { amount: { maximum: 500_000 } } },
    args: () => ({ chargeId: objectId("ch"), amount: 100 + Math.floor(random() * 20_000), currency: "USD", reason: pick(NOTES) }),
  },
  {
    verb: "record.delete",
    consequence: "DESTRUCTIVE",
    schema: () => objectSchema({ id, reason: text(500) }, ["id", "reason"]),
    args: (s) => ({ id: objectId(s.slice(0, 3)), reason: "Expired under the retention policy" }),
  },
];
// Ten tools per system: four reads, three writes, then a message, a permission change or a
// refund (alternating by system), and a delete.
const PER_SYSTEM = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10];

export const CATALOG: TCatalogTool[] = SYSTEMS.flatMap((system, s) =>
  PER_SYSTEM.map((t) => (t === 8 && s % 2 ? 9 : t)).map((t) => {
    const template = TEMPLATES[t] as TTemplate;
    return {
      key: `${system}.${template.verb}`,
      name: `${system} ${template.verb.replace(".", " ")}`,
      system,
      consequence: template.consequence,
      argumentSchema: template.schema(),
      constraints: template.constraints ?? null,
      makeArguments: () => template.args(system),
    };
  }),
);
