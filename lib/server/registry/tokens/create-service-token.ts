import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TCreateTokenInput, TIssuedToken } from "@/lib/contracts/tokens-admin";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TSessionUser } from "../../authz/principal";
import { generateServiceToken } from "../../auth/service-token-secret";
import type { TTx } from "../../db/client";
import { AppError, conflict } from "../../errors";
import { assertWorkflowEditable } from "../permissions/assert-workflow-editable";
import { TOKEN_VIEW_SELECT, toTokenView } from "./token-view";

const DAY_MS = 86_400_000;

/** Issues a service token for a workflow; the plaintext is in this answer and nowhere else, ever. */
export async function createServiceToken(options: {
  tx: TTx;
  actor: TAuditActor;
  user: TSessionUser;
  workflowId: string;
  input: TCreateTokenInput;
  now?: Date;
}): Promise<TIssuedToken> {
  const { tx, actor, user, workflowId, input } = options;
  await assertWorkflowEditable({ tx, user, workflowId, action: "manage its service tokens" });
  const workflow = await tx.workflow.findUniqueOrThrow({
    where: { id: workflowId },
    select: { key: true, status: true, environment: true },
  });
  if (workflow.status === "RETIRED") throw conflict(`${workflow.key} is retired: it gets no new service tokens`);

  const now = options.now ?? new Date();
  const environment = input.environment ?? workflow.environment;
  if (environment !== workflow.environment) {
    // The gate refuses a token of another environment at every use, so it could never work.
    throw new AppError(
      "validation_failed",
      `${workflow.key} runs in ${workflow.environment}: its tokens must be for ${workflow.environment}, not ${environment}`,
      [{ path: "body.environment", message: `Use ${workflow.environment} (the workflow's environment) or leave it out` }],
    );
  }
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
  const secret = generateServiceToken();
  await recordAuditEvent(tx, actor, {
    action: "token.created",
    target: { type: "workflow", id: workflowId },
    data: { prefix: secret.prefix, name: input.name, scopes: input.scopes, environment, expiresAt: expiresAt.toISOString() },
  });
  const row = await tx.serviceToken.create({
    data: {
      workflowId,
      name: input.name,
      prefix: secret.prefix,
      tokenHash: secret.tokenHash,
      scopes: input.scopes,
      environment,
      expiresAt,
      createdById: user.id,
      createdAt: now,
    },
    select: TOKEN_VIEW_SELECT,
  });
  return { token: toTokenView(row, now), secret: secret.token, previous: null };
}
