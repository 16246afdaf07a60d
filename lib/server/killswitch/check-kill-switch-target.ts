import "server-only";
import type { TKillSwitchScope } from "@/lib/contracts/killswitch";
import type { TSessionUser } from "../auth/current-user";
import type { TTx } from "../db/client";
import { AppError, notFound } from "../errors";
import { killSwitchEngageWhere } from "./engage-scope";

const notInRegistry = (message: string) => new AppError("validation_failed", "The kill switch's target is not in the registry", [{ path: "body.target", message }]);

/**
 * Refuses a target the registry does not know. A workflow is looked up among those `user` may
 * halt, so another owner's workflow is not found, exactly like one that does not exist.
 */
export async function checkKillSwitchTarget(options: { tx: TTx; user: TSessionUser; scope: TKillSwitchScope; target: string }): Promise<void> {
  const { tx, user, scope, target } = options;
  if (scope === "WORKFLOW") {
    const found = await tx.workflow.count({ where: { AND: [{ key: target }, killSwitchEngageWhere(user)] } });
    if (!found) throw notFound(`The workflow "${target}"`);
  } else if (scope === "TOOL") {
    if (!(await tx.tool.count({ where: { key: target } }))) throw notInRegistry(`No tool in the catalog has the key "${target}"`);
  } else if (scope === "MODEL") {
    const [provider, model, version, ...rest] = target.split("/");
    if (!provider || !model || !version || rest.length) throw notInRegistry(`Name a model as provider/model/version, not "${target}"`);
    if (!(await tx.approvedModel.count({ where: { provider, model, version } }))) throw notInRegistry(`No approved model is ${target}`);
  } else if (scope === "PROVIDER") {
    if (!(await tx.approvedModel.count({ where: { provider: target } }))) throw notInRegistry(`No approved model comes from a provider named "${target}"`);
  }
}
