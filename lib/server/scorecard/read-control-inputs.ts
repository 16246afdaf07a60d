import "server-only";
import type { TTx } from "../db/client";
import { readinessOf, readinessSelect } from "../registry/workflows/assess-readiness";
import { deriveWorkflowRisk } from "../shared/derive-workflow-risk";
import type { TChainVerification, TControlInputs } from "./evaluate-controls";
import { readChainVerification } from "./read-chain-verification";

/**
 * What the control checks read, for any number of workflows in one batch (Prisma runs one query
 * per relation, not per workflow). Readiness comes from the registry's own rules.
 */
export async function readControlInputs(options: {
  db: TTx;
  workflowIds: readonly string[];
  /** The latest chain verification, when the caller has it already; read here otherwise. */
  chain?: TChainVerification | null;
  now: Date;
}): Promise<Map<string, TControlInputs>> {
  const { db, now } = options;
  const chain = options.chain === undefined ? await readChainVerification({ db }) : options.chain;
  const base = readinessSelect(now);
  const rows = await db.workflow.findMany({
    where: { id: { in: [...options.workflowIds] } },
    select: {
      ...base,
      id: true,
      runbook: true,
      owner: { select: { email: true, disabled: true } },
      dataClasses: { select: { dataClass: { select: { key: true, sensitivity: true } } } },
      serviceTokens: { ...base.serviceTokens, select: { environment: true, name: true, createdAt: true } },
    },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        readiness: readinessOf(row).missing,
        owner: row.owner,
        dataClasses: row.dataClasses.map((d) => d.dataClass),
        highestSensitivity: deriveWorkflowRisk({ sensitivities: row.dataClasses.map((d) => d.dataClass.sensitivity), tiers: [] })
          .maxSensitivity,
        models: row.models.length,
        tools: row.tools.length,
        activeTokens: row.serviceTokens,
        runbook: row.runbook,
        chain,
        now,
      },
    ]),
  );
}
