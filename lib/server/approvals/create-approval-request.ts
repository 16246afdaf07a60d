import "server-only";
import type { TAuditActor } from "@/lib/contracts/audit";
import type { TDecisionReason } from "@/lib/contracts/decisions";
import type { TConsequence } from "@/lib/contracts/registry-enums";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TTx } from "../db/client";
import { redactSensitiveData } from "../dlp/redact-sensitive-data";
import { notFound } from "../errors";
import { announceApprovals } from "./announce-approvals";

/**
 * Opens a request for people to decide, inside the caller's audited transaction: the arguments are
 * stored redacted (the hash binds the approval to the real ones), the deadline is the workflow's
 * approval timeout, escalation to Security comes at half of it.
 */
export async function createApprovalRequest(
  tx: TTx,
  input: {
    actor: TAuditActor;
    workflowId: string;
    tokenId: string | null;
    decisionId: string | null;
    runId: string;
    tool: string;
    consequence: TConsequence;
    model: string;
    dataClasses: string[];
    tier: "T2" | "T3";
    approvalsRequired: 1 | 2;
    argumentsHash: string;
    arguments: Record<string, unknown>;
    reasons: TDecisionReason[];
    registryVersion: string;
    now?: Date;
  },
): Promise<{ id: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const workflow = await tx.workflow.findUnique({ where: { id: input.workflowId }, select: { key: true, approvalTimeoutMinutes: true } });
  if (!workflow) throw notFound("The workflow");
  const timeoutMs = workflow.approvalTimeoutMinutes * 60_000;
  const expiresAt = new Date(now.getTime() + timeoutMs);
  const { id } = await tx.approvalRequest.create({
    data: {
      workflowId: input.workflowId,
      tokenId: input.tokenId,
      decisionId: input.decisionId,
      runId: input.runId,
      tool: input.tool,
      consequence: input.consequence,
      model: input.model,
      dataClasses: input.dataClasses,
      tier: input.tier,
      approvalsRequired: input.approvalsRequired,
      argumentsHash: input.argumentsHash,
      arguments: redactSensitiveData({ value: input.arguments }).value as object,
      reasons: input.reasons,
      registryVersion: input.registryVersion,
      createdAt: now,
      escalateAt: new Date(now.getTime() + timeoutMs / 2),
      expiresAt,
    },
    select: { id: true },
  });
  await recordAuditEvent(tx, input.actor, {
    action: "approval.requested",
    target: { type: "approval", id },
    data: {
      workflowKey: workflow.key,
      tool: input.tool,
      tier: input.tier,
      argumentsHash: input.argumentsHash,
      approvalsRequired: input.approvalsRequired,
      expiresAt: expiresAt.toISOString(),
    },
  });
  await announceApprovals(tx, "approval.created", [id]);
  return { id, expiresAt };
}
