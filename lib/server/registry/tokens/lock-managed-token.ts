import "server-only";
import type { TSessionUser } from "../../authz/principal";
import type { TTx } from "../../db/client";
import { notFound } from "../../errors";
import { assertWorkflowEditable } from "../permissions/assert-workflow-editable";
import { TOKEN_VIEW_SELECT, type TTokenRow } from "./token-view";

export type TManagedToken = TTokenRow & {
  workflow: { key: string; status: "DRAFT" | "ACTIVE" | "PAUSED" | "RETIRED"; environment: TTokenRow["environment"] };
};

/** Row-locks one of a workflow's tokens for a rotation or revocation by someone who may manage it. */
export async function lockManagedToken(options: {
  tx: TTx;
  user: TSessionUser;
  workflowId: string;
  tokenId: string;
}): Promise<TManagedToken> {
  const { tx, user, workflowId, tokenId } = options;
  await assertWorkflowEditable({ tx, user, workflowId, action: "manage its service tokens" });
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM service_tokens WHERE id = ${tokenId}::uuid AND workflow_id = ${workflowId}::uuid FOR UPDATE`;
  if (!rows.length) throw notFound("The service token");
  return tx.serviceToken.findUniqueOrThrow({
    where: { id: tokenId },
    select: { ...TOKEN_VIEW_SELECT, workflow: { select: { key: true, status: true, environment: true } } },
  });
}
