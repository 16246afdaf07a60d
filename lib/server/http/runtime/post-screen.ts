import "server-only";
import { SCREEN_OPERATION } from "@/lib/contracts/api-catalog/runtime-operations";
import { screenForModel } from "../../decisions/screen-for-model";
import { sendJson } from "./node-io";
import { defineRuntimeRoute } from "./runtime-route";

export const postScreen = defineRuntimeRoute({
  operation: SCREEN_OPERATION,
  // Retrieved context and tool results run larger than a tool call's arguments.
  maxBodyBytes: 1024 * 1024,
  handle: async ({ res, body, principal, requestId, gate }) =>
    sendJson(res, 200, await screenForModel({ gate, principal, request: body }), requestId),
});
