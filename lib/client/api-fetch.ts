import type { z } from "zod";
import { ZProblem } from "@/lib/contracts/errors";
import { ApiError, codeForStatus } from "./api-error";

type TOptions<T> = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Serialised as JSON. */
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** Validates the response, so a contract drift fails loudly here and not deep in a component. */
  schema: z.ZodType<T>;
  signal?: AbortSignal;
};

function urlOf(path: string, query: TOptions<unknown>["query"]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== "") params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Turns an error response into an ApiError, trusting only a well-formed problem document. */
export async function problemOf(response: Response): Promise<ApiError> {
  const problem = ZProblem.safeParse(await readJson(response));
  if (problem.success) return ApiError.fromProblem(problem.data);
  return new ApiError({
    code: codeForStatus(response.status),
    status: response.status,
    detail: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}. Try again in a moment.`,
    requestId: response.headers.get("x-request-id"),
  });
}

/** Calls Tollgate's API: JSON in and out, problem+json turned into a typed ApiError. */
export async function apiFetch<T>(path: string, options: TOptions<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method: options.method ?? "GET",
      headers: { accept: "application/json", ...(options.body === undefined ? {} : { "content-type": "application/json" }) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ code: "unavailable", status: 0, detail: "Could not reach Tollgate. Check your connection and try again." });
  }
  if (!response.ok) throw await problemOf(response);
  const parsed = options.schema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiError({
      code: "internal",
      status: response.status,
      detail: "The server's answer was not in the expected shape; reload the page.",
      requestId: response.headers.get("x-request-id"),
    });
  }
  return parsed.data;
}
