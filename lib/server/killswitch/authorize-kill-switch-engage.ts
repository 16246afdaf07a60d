import "server-only";
import type { TEngageKillSwitchInput } from "@/lib/contracts/killswitch";
import { hasPermission } from "@/lib/contracts/permissions";
import type { TSessionUser } from "../authz/principal";
import type { TTx } from "../db/client";
import { forbidden, notFound } from "../errors";
import { killSwitchEngageWhere, mayHaltAnything } from "./engage-scope";

/**
 * Who may halt what, for a person: Security and administrators anything, an owner only their own
 * workflows. Another owner's workflow is not found, exactly like one that does not exist.
 */
export async function authorizeKillSwitchEngage(options: { tx: TTx; user: TSessionUser; input: TEngageKillSwitchInput }): Promise<void> {
  const { tx, user, input } = options;
  if (!hasPermission(user.roles, "killswitch:engage")) throw forbidden("You may not engage kill switches");
  if (input.scope !== "WORKFLOW" && !mayHaltAnything(user)) {
    throw forbidden(`Only Security or an administrator can engage a ${input.scope} kill switch; an owner may halt their own workflows`);
  }
  if (input.scope === "WORKFLOW") {
    const target = input.target ?? "";
    const found = await tx.workflow.count({ where: { AND: [{ key: target }, killSwitchEngageWhere(user)] } });
    if (!found) throw notFound(`The workflow "${target}"`);
  }
}
