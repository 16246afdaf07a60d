import "server-only";
import type { TDecisionReason, TDecisionRequestInput, TDecisionResponse } from "@/lib/contracts/decisions";
import { consumeApproval } from "../../approvals/consume-approval";
import { createApprovalRequest } from "../../approvals/create-approval-request";
import { runAudited } from "../../audit/run-audited";
import { actorOf, type TServicePrincipal } from "../../authz/principal";
import type { TDb, TTx } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { TCompiledWorkflowSnapshot } from "../types";
import { answerRecordedDecision } from "./answer-recorded-decision";
import { decisionRow, INSERT_DECISION_ROWS, type TDecisionRow } from "./decision-row";

/** Thrown inside the transaction, so whatever it opened or spent is rolled back. */
class DecisionIdRecorded extends Error {}

async function insertDecision(tx: TTx, row: TDecisionRow): Promise<void> {
  const inserted = await tx.$executeRawUnsafe(INSERT_DECISION_ROWS, JSON.stringify([row]));
  if (inserted === 0) throw new DecisionIdRecorded();
}

type TDecideWithApprovalOptions = {
  db: TDb;
  principal: TServicePrincipal;
  snapshot: TCompiledWorkflowSnapshot;
  request: TDecisionRequestInput & { decisionId: string };
  response: TDecisionResponse;
  now: number;
};

/**
 * T2/T3 decisions, recorded before they are answered (in the same transaction as the approval
 * they open or spend). Rule 9 is settled here: a require_approval from the engine either opens a
 * request, or — when the caller brings an approval — spends it if it was granted for exactly
 * these arguments, and otherwise says precisely why not. A decision id already recorded rolls all
 * of that back: the recorded row answers (the same call) or refuses (any other, 409).
 */
export async function decideWithApproval(options: TDecideWithApprovalOptions): Promise<TDecisionResponse> {
  try {
    return await decideAndRecord(options);
  } catch (error) {
    // A unique violation here is approval_requests.decision_id: another instance opened one with this id first.
    const taken = error instanceof DecisionIdRecorded || (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002");
    if (!taken) throw error;
    const { db, principal, snapshot, request, response } = options;
    const again = {
      workflow: snapshot.workflowId,
      tokenId: principal.tokenId,
      runId: request.runId,
      tool: request.tool,
      model: request.model,
      dataClasses: request.dataClasses,
      argumentsHash: response.argumentsHash,
    };
    return answerRecordedDecision({ db, decisionId: request.decisionId, workflowKey: snapshot.workflowKey, again });
  }
}

async function decideAndRecord(options: TDecideWithApprovalOptions): Promise<TDecisionResponse> {
  const { db, principal, snapshot, request, response } = options;
  const now = new Date(options.now);
  const record = (tx: TTx, answer: TDecisionResponse, approvalId: string | null) =>
    insertDecision(tx, decisionRow({ request, response: answer, workflowId: snapshot.workflowId, tokenId: principal.tokenId, approvalId }));

  if (response.outcome !== "require_approval") {
    await db.$transaction((tx) => record(tx, response, null));
    return response;
  }

  const approvalId = request.approvalId;
  if (approvalId) {
    return db.$transaction(async (tx) => {
      const spent = await consumeApproval(tx, {
        id: approvalId,
        workflowId: snapshot.workflowId,
        tool: request.tool,
        argumentsHash: response.argumentsHash,
        now,
      });
      const answer: TDecisionResponse = spent.ok
        ? {
            ...response,
            outcome: "allow",
            reasons: [reason("approval_granted", `Approval ${approvalId} was granted for these exact arguments; it is now spent`)],
          }
        : spent.code === "approval_pending"
          ? { ...response, approvalId, reasons: [reason("approval_pending", spent.message)] }
          : { ...response, outcome: "deny", reasons: [reason(spent.code, spent.message)] };
      await record(tx, answer, approvalId);
      return answer;
    });
  }

  const grant = snapshot.tools.get(request.tool);
  if (!grant) throw new Error("a require_approval decision names a tool the snapshot does not grant");
  return runAudited(db, async (tx) => {
    // Before opening anything: approval_requests.decision_id is unique too.
    const recorded = await tx.$queryRaw<unknown[]>`SELECT 1 FROM decisions WHERE id = ${request.decisionId}::uuid`;
    if (recorded.length) throw new DecisionIdRecorded();
    const opened = await createApprovalRequest(tx, {
      actor: actorOf({ kind: "service", service: principal }, null),
      workflowId: snapshot.workflowId,
      tokenId: principal.tokenId,
      decisionId: request.decisionId,
      runId: request.runId,
      tool: request.tool,
      consequence: grant.consequence,
      model: request.model,
      dataClasses: request.dataClasses,
      tier: response.tier,
      approvalsRequired: response.approvalsRequired,
      argumentsHash: response.argumentsHash,
      arguments: request.arguments,
      reasons: response.reasons,
      registryVersion: response.registryVersion,
      now,
    });
    const answer: TDecisionResponse = { ...response, approvalId: opened.id, approvalExpiresAt: opened.expiresAt.toISOString() };
    await record(tx, answer, opened.id);
    return answer;
  });
}

const reason = (code: TDecisionReason["code"], message: string): TDecisionReason => ({ rule: 9, code, message });
