import "server-only";
import { ZCreateApprovalRequest } from "@/lib/contracts/approvals";
import { readApprovalState } from "../../approvals/read-approval-state";
import { db } from "../../db/client";
import { env } from "../../env";
import { readJson, sendJson, validateInput } from "./node-io";
import { defineRuntimeRoute } from "./runtime-route";

/** An automation asks people before a call of any tier; the gate's rules 1–8 still apply first. */
export const postApproval = defineRuntimeRoute({
  method: "POST",
  path: "/api/v1/approvals",
  scope: "APPROVE_REQUEST",
  handle: async ({ req, res, principal, requestId, gate }) => {
    const request = validateInput(ZCreateApprovalRequest, await readJson(req, env().MAX_BODY_BYTES), "body");
    const approvalId = await gate.requestApproval(principal, request);
    const state = await readApprovalState(db, { id: approvalId, workflowId: principal.workflowId });
    sendJson(res, 201, state, requestId, { location: `/api/v1/approvals/${approvalId}` });
  },
});
