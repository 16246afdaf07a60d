import "server-only";
import type { TTx } from "../../db/client";
import { conflict, type AppError } from "../../errors";
import { describeWorkflowChangesSince } from "../workflows/describe-workflow-changes-since";

/** The 409 for an edit of an old version: which version is current, and what produced it. */
export async function staleWorkflowEdit(options: {
  tx: TTx;
  workflow: { id: string; key: string; version: number };
  expectedVersion: number;
}): Promise<AppError> {
  const { tx, workflow, expectedVersion } = options;
  const happened = await describeWorkflowChangesSince({ tx, workflowId: workflow.id, since: expectedVersion, current: workflow.version });
  const since = happened.length ? ` Since then: ${happened.join("; ")}.` : "";
  return conflict(
    `${workflow.key} is at version ${workflow.version}, but you edited version ${expectedVersion}.${since} Reload to see its current permissions and make your change again.`,
  );
}
