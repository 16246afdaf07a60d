import "server-only";
import { WAIT_FOR_APPROVAL_OPERATION } from "@/lib/contracts/api-catalog/runtime-operations";
import { waitForApprovalState } from "../../approvals/wait-for-approval-state";
import { notFound } from "../../errors";
import { sendJson } from "./node-io";
import { defineRuntimeRoute } from "./runtime-route";

/** Long-poll: answers as soon as the request leaves PENDING, or after `waitSeconds` with it still pending. */
export const getApproval = defineRuntimeRoute({
  operation: WAIT_FOR_APPROVAL_OPERATION,
  handle: async ({ req, res, params, query, principal, requestId, gate }) => {
    await gate.snapshotFor(principal);
    const gone = new AbortController();
    res.once("close", () => gone.abort());
    const state = await waitForApprovalState({
      id: params.id,
      workflowId: principal.workflowId,
      waitSeconds: query.waitSeconds,
      signal: gone.signal,
    });
    // The wait can outlast the token: one revoked or expired meanwhile gets its 401, not the state.
    await gate.tokens.authenticate(req.headers.authorization ?? null, WAIT_FOR_APPROVAL_OPERATION.scope);
    if (!state) throw notFound(`Approval request ${params.id} of workflow ${principal.workflowKey}`);
    if (!gone.signal.aborted) sendJson(res, 200, state, requestId);
  },
});
