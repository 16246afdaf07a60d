import "server-only";
import type { TSessionUser } from "../authz/principal";
import type { Prisma } from "../db/generated/client";

/** SECURITY and ADMIN may halt anything: everything at once, a workflow, a tool, a model or a provider. */
export function mayHaltAnything(user: TSessionUser): boolean {
  return user.roles.includes("SECURITY") || user.roles.includes("ADMIN");
}

/** The workflows this person may halt, for the query's `where`: an OWNER's own, nobody else's. */
export function killSwitchEngageWhere(user: TSessionUser): Prisma.WorkflowWhereInput {
  if (mayHaltAnything(user)) return {};
  if (user.roles.includes("OWNER")) return { ownerId: user.id };
  return { id: { in: [] } };
}
