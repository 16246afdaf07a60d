import "server-only";
import type { TKillSwitchScope } from "@/lib/contracts/killswitch";
import type { TTx } from "../db/client";
import { AppError, notFound } from "../errors";

const notInRegistry = (message: string) =>
  new AppError("validation_failed", "The kill switch's target is not in the registry", [{ path: "body.target", message }]);

/** Refuses a target the registry does not know, whoever halts it. */
export async function checkKillSwitchTarget(options: { tx: TTx; scope: TKillSwitchScope; target: string }): Promise<void> {
  const { tx, scope, target } = options;
  if (scope === "WORKFLOW") {
    if (!(await tx.workflow.count({ where: { key: target } }))) throw notFound(`The workflow "${target}"`);
  } else if (scope === "TOOL") {
    if (!(await tx.tool.count({ where: { key: target } }))) throw notInRegistry(`No tool in the catalog has the key "${target}"`);
  } else if (scope === "MODEL") {
    const [provider, model, version, ...rest] = target.split("/");
    if (!provider || !model || !version || rest.length) throw notInRegistry(`Name a model as provider/model/version, not "${target}"`);
    if (!(await tx.approvedModel.count({ where: { provider, model, version } }))) throw notInRegistry(`No approved model is ${target}`);
  } else if (scope === "PROVIDER") {
    if (!(await tx.approvedModel.count({ where: { provider: target } })))
      throw notInRegistry(`No approved model comes from a provider named "${target}"`);
  }
}
