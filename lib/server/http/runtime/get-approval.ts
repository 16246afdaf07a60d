import "server-only";
import { z } from "zod";
import { ZApprovalWaitQuery } from "@/lib/contracts/approvals";
import { waitForApprovalState } from "../../approvals/wait-for-approval-state";
import { notFound } from "../../errors";
import { queryObject } from "../parse-input";
import { sendJson, validateInput } from "./node-io";
import { defineRuntimeRoute } from "./runtime-route";

const ZId = z.uuid("The approval id is a UUID");

/** Long-poll: answers as soon as the request leaves PENDING, or after `waitSeconds` with it still pending. */
export const getApproval = defineRuntimeRoute({
  method: "GET",
  path: "/api/v1/approvals/{id}",
  scope: "DECIDE",
  handle: async ({ req, res, url, params, principal, requestId }) => {
    const id = validateInput(z.object({ id: ZId }), params, "query").id;
    const { waitSeconds } = validateInput(ZApprovalWaitQuery, queryObject(url), "query");
    const gone = new AbortController();
    res.once("close", () => gone.abort());
    const state = await waitForApprovalState({ id, workflowId: principal.workflowId, waitSeconds, signal: gone.signal });
    if (!state) throw notFound(`Approval request ${id} of workflow ${principal.workflowKey}`);
    if (!gone.signal.aborted) sendJson(res, 200, state, requestId);
  },
});
