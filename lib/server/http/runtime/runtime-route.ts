import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { TApiOperation } from "@/lib/contracts/api-catalog";
import type { TServicePrincipal } from "../../authz/principal";
import type { RuntimeGate } from "../../decisions/runtime/runtime-gate";

type TOutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;
type TTokenOperation = TApiOperation & { auth: "token" };

export type TRuntimeContext<O extends TTokenOperation = TTokenOperation> = {
  req: IncomingMessage;
  res: ServerResponse;
  params: TOutputOf<O["params"]>;
  query: TOutputOf<O["query"]>;
  body: TOutputOf<O["body"]>;
  principal: TServicePrincipal;
  requestId: string;
  gate: RuntimeGate;
};

/**
 * A route the front door serves itself, outside Next's request handler: the calls every
 * automation makes around each tool call. Method, path, token scope and input schemas are the
 * API catalog's entry, so the OpenAPI document describes exactly what is served.
 */
export type TRuntimeRoute<O extends TTokenOperation = TTokenOperation> = {
  operation: O;
  maxBodyBytes?: number;
  /** The body's text is checked item by item by the domain (a bad item must not refuse the rest). */
  textCheckedPerItem?: true;
  handle: (ctx: TRuntimeContext<O>) => Promise<void>;
};

export const defineRuntimeRoute = <O extends TTokenOperation>(route: TRuntimeRoute<O>) => route as unknown as TRuntimeRoute;
