import { ZCreatePolicy } from "@/lib/contracts/policies";
import type { TRole } from "@/lib/contracts/roles";
import { runAudited } from "@/lib/server/audit/run-audited";
import { actorOf, type TServicePrincipal, type TSessionUser } from "@/lib/server/authz/principal";
import type { TDb } from "@/lib/server/db/client";
import { approveChangeRequest } from "@/lib/server/registry/changes/approve-change-request";
import { createPolicy } from "@/lib/server/registry/policies/create-policy";
import { FLEET } from "./fleet";
import { SECURITY_PEOPLE } from "./incidents";
import type { TAgent } from "./simulate-run";

// What the history needs from the demo inventory: its people, each fleet agent's token, model and
// data classes as the registry has them, and two custom Cedar policies (proposed and reviewed as
// Security would), so rule 8 has something to forbid.

const DEMO_POLICIES = [
  {
    key: "no-card-numbers-outbound",
    name: "No card numbers in outbound messages",
    description: "Even workflows cleared for card data may not e-mail or post a card number.",
    text: 'forbid (principal, action, resource)\nwhen { context.consequence == "EXTERNAL_COMMUNICATION" && context.detectedTags.contains("PCI") };',
    review: "Card numbers must never leave by e-mail or chat; matches the PCI scope review",
  },
  {
    key: "no-personal-data-in-jira",
    name: "No personal data in Jira issues",
    description: "Every engineer reads Jira: issues name the ticket, never the customer's contact details.",
    text: 'forbid (principal, action, resource == Tool::"jira.issue.create")\nwhen { context.detectedTags.contains("PII") };',
    review: "Agreed with the DPO: link the ticket instead of copying personal data",
  },
];

export async function loadPeople(db: TDb): Promise<Map<string, TSessionUser>> {
  const users = await db.user.findMany({ select: { id: true, email: true, name: true, roles: true } });
  return new Map(users.map((u) => [u.email, { id: u.id, email: u.email, name: u.name, roles: u.roles as TRole[] }]));
}

/** The demo's custom Cedar policies, each proposed by one Security person and approved by the other. */
export async function ensureDemoPolicies(db: TDb, people: ReadonlyMap<string, TSessionUser>): Promise<void> {
  const [author, reviewer] = SECURITY_PEOPLE.map((email) => people.get(email));
  if (!author || !reviewer) throw new Error("the demo history needs the two demo Security people");
  for (const { review, ...policy } of DEMO_POLICIES) {
    if (await db.policy.findUnique({ where: { key: policy.key }, select: { id: true } })) continue;
    const input = ZCreatePolicy.parse(policy);
    const opened = await runAudited(db, (tx) =>
      createPolicy({ tx, actor: actorOf({ kind: "user", user: author }, null), requestedById: author.id, input }),
    );
    const actor = actorOf({ kind: "user", user: reviewer }, null);
    await runAudited(db, (tx) => approveChangeRequest({ tx, actor, user: reviewer, id: opened.changeRequest.id, reason: review }));
  }
}

/** The token a workflow's automation runs with, as the gate's token cache would resolve it. */
export async function principalOf(db: TDb, workflowKey: string): Promise<TServicePrincipal | null> {
  const token = await db.serviceToken.findFirst({
    where: { workflow: { key: workflowKey }, revokedAt: null, scopes: { hasEvery: ["DECIDE", "INGEST"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, prefix: true, environment: true, scopes: true, workflowId: true },
  });
  if (!token) return null;
  return {
    tokenId: token.id,
    prefix: token.prefix,
    workflowId: token.workflowId,
    workflowKey,
    environment: token.environment,
    scopes: token.scopes,
  };
}

/** Each fleet profile whose workflow and token exist, with the first model and the data classes its workflow declares. */
export async function loadAgents(db: TDb): Promise<TAgent[]> {
  const agents: TAgent[] = [];
  for (const profile of FLEET) {
    const principal = await principalOf(db, profile.key);
    const workflow = await db.workflow.findUnique({
      where: { key: profile.key },
      select: {
        models: { select: { model: { select: { provider: true, model: true, version: true } } } },
        dataClasses: { select: { dataClass: { select: { key: true } } } },
      },
    });
    const first = workflow?.models.map((m) => `${m.model.provider}/${m.model.model}/${m.model.version}`).sort()[0];
    if (!principal || !workflow || !first) continue;
    agents.push({ profile, principal, model: first, dataClasses: workflow.dataClasses.map((d) => d.dataClass.key).sort() });
  }
  return agents;
}
