import "server-only";
import { db } from "../../db/client";

export type TCatalogSummary = {
  dataClasses: number;
  restrictedDataClasses: number;
  models: number;
  suspendedModels: number;
  tools: number;
  policies: number;
  draftPolicies: number;
  pendingPolicyChanges: number;
};

/** How much each catalog holds, for the catalog's front page. */
export async function summarizeCatalog(): Promise<TCatalogSummary> {
  const [dataClasses, restrictedDataClasses, models, suspendedModels, tools, policies, draftPolicies, pendingPolicyChanges] =
    await Promise.all([
      db.dataClass.count(),
      db.dataClass.count({ where: { sensitivity: "RESTRICTED" } }),
      db.approvedModel.count(),
      db.approvedModel.count({ where: { status: "SUSPENDED" } }),
      db.tool.count(),
      db.policy.count(),
      db.policy.count({ where: { version: 0 } }),
      db.changeRequest.count({ where: { subject: "POLICY", status: "PENDING" } }),
    ]);
  return { dataClasses, restrictedDataClasses, models, suspendedModels, tools, policies, draftPolicies, pendingPolicyChanges };
}
