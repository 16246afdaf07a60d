import { ZScreenResponse, type TScreenKind, type TScreenResponse } from "@/lib/contracts/screen";
import { TollgateScreenedError } from "./errors";
import type { TGateHttp } from "./gate-http";

export type TScreenOptions = {
  /** Defaults to `prompt`. */
  kind?: TScreenKind;
  /** Defaults to the client's model. */
  model?: string;
  /** Defaults to the client's (or the run's) run id. */
  runId?: string;
  signal?: AbortSignal;
};

export type TScreenCall = { http: TGateHttp; content: unknown; kind: TScreenKind; model: string; runId: string; signal?: AbortSignal };

/**
 * Asks the gate what of `content` may go to the model. Throws TollgateUnreachableError when the
 * gate does not answer: the caller then sends nothing (fail closed).
 */
export function screenContent(call: TScreenCall): Promise<TScreenResponse> {
  const { http, content, kind, model, runId, signal } = call;
  return http.request({ method: "POST", path: "/api/v1/screen", body: { model, content, kind, runId }, schema: ZScreenResponse, signal });
}

/** JSON of a tool's result, as the model would receive it; undefined stays undefined. */
const asJson = (value: unknown): unknown => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown));

/**
 * A tool result as the model may see it: unchanged when the gate allows it, redacted when it
 * removed something, TollgateScreenedError (the model reads its message as the tool's answer) when
 * nothing of it may be sent.
 */
export async function screenToolResult<T>(call: Omit<TScreenCall, "content" | "kind"> & { tool: string; result: T }): Promise<T> {
  const content = asJson(call.result);
  if (content === undefined) return call.result;
  const screening = await screenContent({ ...call, content, kind: "tool_result" });
  if (screening.outcome === "deny") throw new TollgateScreenedError(call.tool, screening);
  return (screening.outcome === "allow" ? call.result : screening.content) as T;
}
