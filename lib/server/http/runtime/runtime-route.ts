import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TTokenScope } from "@/lib/contracts/tokens";
import type { TServicePrincipal } from "../../authz/principal";
import type { RuntimeGate } from "../../decisions/runtime/runtime-gate";

export type TRuntimeContext = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  principal: TServicePrincipal;
  requestId: string;
  gate: RuntimeGate;
};

/**
 * A route the run-time front door serves itself, outside Next's request handler: the calls every
 * automation makes before and after each tool call. `path` is in OpenAPI form (`/api/v1/approvals/{id}`).
 */
export type TRuntimeRoute = {
  method: "GET" | "POST";
  path: string;
  scope: TTokenScope;
  handle: (ctx: TRuntimeContext) => Promise<void>;
};

export const defineRuntimeRoute = (route: TRuntimeRoute): TRuntimeRoute => route;
