import type { TRole } from "@/lib/contracts/roles";

// The quick-start inventory: enough to see every screen with something real in it.
export const DEMO_PASSWORD = "tollgate-demo-2026";

export const DEMO_USERS: { email: string; name: string; roles: TRole[] }[] = [
  { email: "admin@tollgate.local", name: "Ada Admin", roles: ["ADMIN"] },
  { email: "ciso@tollgate.local", name: "Sam Okafor", roles: ["SECURITY"] },
  { email: "security@tollgate.local", name: "Priya Raman", roles: ["SECURITY"] },
  { email: "approver@tollgate.local", name: "Avery Chen", roles: ["APPROVER"] },
  { email: "approver2@tollgate.local", name: "Jonas Weber", roles: ["APPROVER"] },
  { email: "owner@tollgate.local", name: "Olivia Brooks", roles: ["OWNER"] },
  { email: "owner2@tollgate.local", name: "Mateo Silva", roles: ["OWNER"] },
  { email: "data@tollgate.local", name: "Dana Kim", roles: ["OWNER", "APPROVER"] },
  { email: "auditor@tollgate.local", name: "Ruth Auditor", roles: ["AUDITOR"] },
];

export const DEMO_DATA_CLASSES = [
  { key: "public-docs", name: "Public documentation", sensitivity: "PUBLIC", tags: [], retentionDays: 3650 },
  { key: "support-tickets", name: "Support tickets", sensitivity: "INTERNAL", tags: ["PII"], retentionDays: 730 },
  { key: "customer-pii", name: "Customer personal data", sensitivity: "CONFIDENTIAL", tags: ["PII"], retentionDays: 365 },
  { key: "payment-cards", name: "Payment card data", sensitivity: "RESTRICTED", tags: ["PCI", "PII"], retentionDays: 90 },
  { key: "health-records", name: "Health records", sensitivity: "RESTRICTED", tags: ["PHI", "PII"], retentionDays: 2190 },
  { key: "credentials", name: "Secrets and credentials", sensitivity: "RESTRICTED", tags: ["CREDENTIALS"], retentionDays: 30 },
] as const;

export const DEMO_MODELS = [
  {
    provider: "openai",
    model: "gpt-4.1",
    version: "2025-04-14",
    regions: ["us", "eu"],
    dataRetentionDays: 30,
    trainingOptOut: true,
    loggingPolicy: "abuse monitoring only",
    maxSensitivity: "CONFIDENTIAL",
    status: "APPROVED",
  },
  {
    provider: "anthropic",
    model: "claude-sonnet-4-5",
    version: "2025-09-29",
    regions: ["us", "eu"],
    dataRetentionDays: 0,
    trainingOptOut: true,
    loggingPolicy: "zero data retention",
    maxSensitivity: "RESTRICTED",
    status: "APPROVED",
  },
  {
    provider: "azure-openai",
    model: "gpt-4o",
    version: "2024-11-20",
    regions: ["eu-west"],
    dataRetentionDays: 0,
    trainingOptOut: true,
    loggingPolicy: "customer-managed",
    maxSensitivity: "RESTRICTED",
    status: "APPROVED",
  },
  {
    provider: "google",
    model: "gemini-2.5-pro",
    version: "001",
    regions: ["us"],
    dataRetentionDays: 55,
    trainingOptOut: true,
    loggingPolicy: "30-day abuse logs",
    maxSensitivity: "INTERNAL",
    status: "APPROVED",
  },
  {
    provider: "mistral",
    model: "mistral-large",
    version: "2411",
    regions: ["eu"],
    dataRetentionDays: 30,
    trainingOptOut: false,
    loggingPolicy: "provider default",
    maxSensitivity: "INTERNAL",
    status: "SUSPENDED",
  },
] as const;

/** A closed JSON Schema object (draft 2020-12): the shape every demo and bench tool contract takes. */
export const objectSchema = (properties: Record<string, unknown>, required: string[]) => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties,
  required,
  additionalProperties: false,
});
const str = { type: "string", minLength: 1 };

export const DEMO_TOOLS = [
  {
    key: "zendesk.ticket.read",
    name: "Read ticket",
    system: "Zendesk",
    consequence: "READ",
    argumentSchema: objectSchema({ ticketId: str }, ["ticketId"]),
  },
  {
    key: "kb.search",
    name: "Search knowledge base",
    system: "Confluence",
    consequence: "READ",
    argumentSchema: objectSchema({ query: str }, ["query"]),
  },
  {
    key: "crm.contact.update",
    name: "Update contact",
    system: "Salesforce",
    consequence: "WRITE",
    argumentSchema: objectSchema({ contactId: str, fields: { type: "object" } }, ["contactId", "fields"]),
  },
  {
    key: "jira.issue.create",
    name: "Create issue",
    system: "Jira",
    consequence: "WRITE",
    argumentSchema: objectSchema({ project: str, summary: str }, ["project", "summary"]),
  },
  {
    key: "email.send",
    name: "Send customer email",
    system: "SendGrid",
    consequence: "EXTERNAL_COMMUNICATION",
    argumentSchema: objectSchema({ to: { type: "string", format: "email" }, subject: str, body: str }, ["to", "subject", "body"]),
  },
  {
    key: "slack.message.post",
    name: "Post Slack message",
    system: "Slack",
    consequence: "EXTERNAL_COMMUNICATION",
    argumentSchema: objectSchema({ channel: str, text: str }, ["channel", "text"]),
  },
  {
    key: "okta.group.add_member",
    name: "Add user to group",
    system: "Okta",
    consequence: "PERMISSION_CHANGE",
    argumentSchema: objectSchema({ userId: str, groupId: str }, ["userId", "groupId"]),
  },
  {
    key: "github.repo.grant_access",
    name: "Grant repository access",
    system: "GitHub",
    consequence: "PERMISSION_CHANGE",
    argumentSchema: objectSchema({ repo: str, user: str, permission: { enum: ["read", "write"] } }, ["repo", "user", "permission"]),
  },
  {
    key: "stripe.refund",
    name: "Refund a charge",
    system: "Stripe",
    consequence: "MONEY_MOVEMENT",
    argumentSchema: objectSchema(
      { chargeId: str, amount: { type: "integer", minimum: 1 }, currency: { type: "string", pattern: "^[A-Z]{3}$" } },
      ["chargeId", "amount", "currency"],
    ),
  },
  {
    key: "netsuite.payment.create",
    name: "Create vendor payment",
    system: "NetSuite",
    consequence: "MONEY_MOVEMENT",
    argumentSchema: objectSchema({ vendorId: str, amount: { type: "number", exclusiveMinimum: 0 } }, ["vendorId", "amount"]),
  },
  {
    key: "s3.object.delete",
    name: "Delete object",
    system: "AWS S3",
    consequence: "DESTRUCTIVE",
    argumentSchema: objectSchema({ bucket: str, key: str }, ["bucket", "key"]),
  },
  {
    key: "crm.contact.delete",
    name: "Delete contact",
    system: "Salesforce",
    consequence: "DESTRUCTIVE",
    argumentSchema: objectSchema({ contactId: str }, ["contactId"]),
  },
] as const;

type TDemoWorkflow = {
  key: string;
  name: string;
  purpose: string;
  environment: "DEV" | "STAGING" | "PROD";
  status: "DRAFT" | "ACTIVE" | "PAUSED" | "RETIRED";
  owner: string;
  dataClasses: string[];
  models: string[];
  tools: { key: string; ratePerMinute?: number; maxAmount?: number; raiseTo?: "T1" | "T2" | "T3" }[];
};

export const DEMO_WORKFLOWS: TDemoWorkflow[] = [
  {
    key: "support-refunds",
    name: "Support refunds agent",
    purpose: "Reads billing tickets and refunds duplicate charges up to a cap.",
    environment: "PROD",
    status: "ACTIVE",
    owner: "owner@tollgate.local",
    dataClasses: ["support-tickets", "payment-cards"],
    models: ["anthropic/claude-sonnet-4-5"],
    tools: [
      { key: "zendesk.ticket.read" },
      { key: "stripe.refund", ratePerMinute: 10, maxAmount: 50_000 },
      { key: "email.send", ratePerMinute: 30 },
    ],
  },
  {
    key: "ticket-triage",
    name: "Ticket triage",
    purpose: "Classifies inbound tickets and files engineering issues.",
    environment: "PROD",
    status: "ACTIVE",
    owner: "owner@tollgate.local",
    dataClasses: ["support-tickets"],
    models: ["openai/gpt-4.1"],
    tools: [{ key: "zendesk.ticket.read" }, { key: "kb.search" }, { key: "jira.issue.create", ratePerMinute: 20 }],
  },
  {
    key: "access-requests",
    name: "Access request fulfilment",
    purpose: "Grants pre-approved group memberships from IT tickets.",
    environment: "PROD",
    status: "ACTIVE",
    owner: "owner2@tollgate.local",
    dataClasses: ["customer-pii"],
    models: ["azure-openai/gpt-4o"],
    tools: [
      { key: "okta.group.add_member", ratePerMinute: 5 },
      { key: "github.repo.grant_access", ratePerMinute: 5, raiseTo: "T3" },
    ],
  },
  {
    key: "vendor-payments",
    name: "Vendor payment runs",
    purpose: "Prepares vendor payments from approved invoices.",
    environment: "PROD",
    status: "ACTIVE",
    owner: "data@tollgate.local",
    dataClasses: ["payment-cards"],
    models: ["anthropic/claude-sonnet-4-5"],
    tools: [{ key: "netsuite.payment.create", ratePerMinute: 2, maxAmount: 25_000 }],
  },
  {
    key: "crm-hygiene",
    name: "CRM hygiene",
    purpose: "Merges duplicate contacts and fixes malformed fields.",
    environment: "STAGING",
    status: "ACTIVE",
    owner: "owner2@tollgate.local",
    dataClasses: ["customer-pii"],
    models: ["openai/gpt-4.1"],
    tools: [
      { key: "crm.contact.update", ratePerMinute: 60 },
      { key: "crm.contact.delete", ratePerMinute: 2 },
    ],
  },
  {
    key: "incident-notifier",
    name: "Incident notifier",
    purpose: "Summarises incidents and posts updates to Slack.",
    environment: "PROD",
    status: "ACTIVE",
    owner: "owner@tollgate.local",
    dataClasses: ["public-docs"],
    models: ["google/gemini-2.5-pro"],
    tools: [{ key: "slack.message.post", ratePerMinute: 30 }, { key: "kb.search" }],
  },
  {
    key: "kb-answers",
    name: "Knowledge-base answers",
    purpose: "Drafts answers from public documentation.",
    environment: "DEV",
    status: "DRAFT",
    owner: "owner@tollgate.local",
    dataClasses: ["public-docs"],
    models: ["google/gemini-2.5-pro"],
    tools: [{ key: "kb.search" }],
  },
  {
    key: "claims-intake",
    name: "Health claims intake",
    purpose: "Extracts claim details from uploaded forms.",
    environment: "DEV",
    status: "DRAFT",
    owner: "data@tollgate.local",
    dataClasses: ["health-records"],
    models: [],
    tools: [],
  },
  {
    key: "storage-cleanup",
    name: "Storage cleanup",
    purpose: "Deletes expired export files from S3.",
    environment: "STAGING",
    status: "DRAFT",
    owner: "owner2@tollgate.local",
    dataClasses: [],
    models: [],
    tools: [{ key: "s3.object.delete", ratePerMinute: 10 }],
  },
  {
    key: "churn-outreach",
    name: "Churn outreach",
    purpose: "Emails at-risk customers a retention offer.",
    environment: "PROD",
    status: "PAUSED",
    owner: "owner@tollgate.local",
    dataClasses: ["customer-pii"],
    models: ["openai/gpt-4.1"],
    tools: [{ key: "email.send", ratePerMinute: 10 }, { key: "crm.contact.update" }],
  },
  {
    key: "secrets-rotation",
    name: "Secrets rotation helper",
    purpose: "Opens rotation tickets for credentials found in tickets.",
    environment: "STAGING",
    status: "PAUSED",
    owner: "data@tollgate.local",
    dataClasses: ["credentials"],
    models: ["anthropic/claude-sonnet-4-5"],
    tools: [{ key: "jira.issue.create" }],
  },
  {
    key: "legacy-faq-bot",
    name: "Legacy FAQ bot",
    purpose: "Answered FAQs before the knowledge-base agent.",
    environment: "PROD",
    status: "RETIRED",
    owner: "owner2@tollgate.local",
    dataClasses: ["public-docs"],
    models: ["mistral/mistral-large"],
    tools: [{ key: "kb.search" }],
  },
];
