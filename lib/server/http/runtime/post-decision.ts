import "server-only";
import { ZDecisionRequest } from "@/lib/contracts/decisions";
import { env } from "../../env";
import { readJson, sendJson, validateInput } from "./node-io";
import { defineRuntimeRoute } from "./runtime-route";

export const postDecision = defineRuntimeRoute({
  method: "POST",
  path: "/api/v1/decisions",
  scope: "DECIDE",
  handle: async ({ req, res, principal, requestId, gate }) => {
    const request = validateInput(ZDecisionRequest, await readJson(req, env().MAX_BODY_BYTES), "body");
    sendJson(res, 200, await gate.decide(principal, request), requestId);
  },
});
