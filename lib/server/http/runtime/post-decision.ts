import "server-only";
import { DECIDE_OPERATION } from "@/lib/contracts/api-catalog/runtime-operations";
import { sendJsonText } from "./node-io";
import { defineRuntimeRoute } from "./runtime-route";

export const postDecision = defineRuntimeRoute({
  operation: DECIDE_OPERATION,
  handle: async ({ res, body, principal, requestId, gate }) => sendJsonText(res, 200, await gate.decide(principal, body), requestId),
});
