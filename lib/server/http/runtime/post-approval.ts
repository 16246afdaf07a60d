import "server-only";
import { REQUEST_APPROVAL_OPERATION } from "@/lib/contracts/api-catalog/runtime-operations";
import { readApprovalState } from "../../approvals/read-approval-state";
import { db } from "../../db/client";
import { sendJson } from "./node-io";
import { defineRuntimeRoute } from "./runtime-route";

export const postApproval = defineRuntimeRoute({
  operation: REQUEST_APPROVAL_OPERATION,
  handle: async ({ res, body, principal, requestId, gate }) => {
    const approvalId = await gate.requestApproval(principal, body);
    const state = await readApprovalState(db, { id: approvalId, workflowId: principal.workflowId });
    sendJson(res, 201, state, requestId, { location: `/api/v1/approvals/${approvalId}` });
  },
});
