import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { TTx } from "../../db/client";

/**
 * Files a change for SECURITY review instead of applying it. The proposal and its readable diff
 * are frozen at request time, against `baseVersion`.
 */
export async function openChangeRequest(options: {
  tx: TTx;
  actor: TAuditActor;
  requestedById: string;
  subject: "WORKFLOW" | "POLICY";
  workflowId?: string;
  policyId?: string;
  baseVersion: number;
  proposed: object;
  diff: object;
  summary: string;
}) {
  const request = await options.tx.changeRequest.create({
    data: {
      subject: options.subject,
      workflowId: options.workflowId ?? null,
      policyId: options.policyId ?? null,
      baseVersion: options.baseVersion,
      proposed: options.proposed,
      diff: options.diff,
      summary: options.summary,
      requestedById: options.requestedById,
    },
  });
  await recordAuditEvent(options.tx, options.actor, {
    action: "change_request.opened",
    target: { type: "change_request", id: request.id },
    data: { subject: options.subject, summary: options.summary, diff: options.diff },
  });
  return request;
}
