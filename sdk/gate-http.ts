import type { z } from "zod";
import { ZProblem } from "@/lib/contracts/errors";
import { TollgateRequestError, TollgateUnreachableError } from "./errors";

export type TGateHttpOptions = {
  baseUrl: string;
  token: string;
  fetch: typeof fetch;
  /** Per request, unless the call says otherwise. */
  timeoutMs: number;
};

export type TGateRequest<T> = {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  timeoutMs?: number;
};

export type TGateHttp = {
  request<T>(request: TGateRequest<T>): Promise<T>;
  /** Opens a streaming GET (the kill-switch stream); the caller reads and cancels the body. */
  stream(path: string, signal: AbortSignal): Promise<Response>;
};

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * JSON over fetch with the service token. A 4xx (other than 429) is the caller's mistake and
 * throws TollgateRequestError; everything that says "the gate did not answer" throws
 * TollgateUnreachableError, which callers treat as retryable or as a reason to fail closed.
 */
export function createGateHttp(options: TGateHttpOptions): TGateHttp {
  const base = options.baseUrl.replace(/\/+$/, "");
  const headers = { authorization: `Bearer ${options.token}`, accept: "application/json" };

  async function send(path: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
    try {
      return await options.fetch(`${base}${path}`, { ...init, signal });
    } catch (error) {
      const why = signal.aborted ? "timed out or was cancelled" : `failed: ${error instanceof Error ? error.message : String(error)}`;
      throw new TollgateUnreachableError(`${init.method ?? "GET"} ${path} ${why}`);
    }
  }

  return {
    async request({ method, path, body, schema, signal, timeoutMs }) {
      const timeout = AbortSignal.timeout(timeoutMs ?? options.timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const init: RequestInit = { method, headers: body === undefined ? headers : { ...headers, "content-type": "application/json" } };
      if (body !== undefined) init.body = JSON.stringify(body);
      const response = await send(path, init, combined);
      const json = await readJson(response);
      if (response.status === 429 || response.status >= 500) {
        throw new TollgateUnreachableError(`${method} ${path} answered ${response.status}`, retryAfterMs(response));
      }
      if (!response.ok) {
        const problem = ZProblem.safeParse(json);
        throw new TollgateRequestError(response.status, problem.success ? problem.data : null);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        throw new TollgateUnreachableError(`${method} ${path} answered ${response.status} with a body that is not what the contract says`);
      return parsed.data;
    },

    async stream(path, signal) {
      const response = await send(path, { method: "GET", headers: { ...headers, accept: "text/event-stream" } }, signal);
      if (response.ok && response.body) return response;
      const problem = ZProblem.safeParse(await readJson(response));
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        throw new TollgateRequestError(response.status, problem.success ? problem.data : null);
      }
      throw new TollgateUnreachableError(`GET ${path} answered ${response.status}`, retryAfterMs(response));
    },
  };
}
