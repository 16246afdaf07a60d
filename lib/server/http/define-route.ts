import "server-only";
import type { z } from "zod";
import type { TApiOperation } from "@/lib/contracts/api-catalog/operation";
import type { TAuditActor } from "@/lib/contracts/audit";
import { auditedActions } from "../audit/record-audit-event";
import { runAudited } from "../audit/run-audited";
import { actorOf, type TSessionUser } from "../authz/principal";
import { db, type TTx } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";
import { authenticateSession } from "./authenticate-session";
import { checkInput, queryObject, readJsonBody, validate } from "./parse-input";
import { problemOf, problemResponse } from "./problem";
import { publicOrigin } from "./public-origin";
import { refuseCrossSite } from "./refuse-cross-site";
import { requestIdOf } from "./request-id";

/** What Next serves: token operations belong to the front door's runtime routes. */
export type TConsoleOperation = TApiOperation & { auth: "session" | "public" };

type TInputOf<S> = S extends z.ZodType ? z.output<S> : undefined;
type TWhoOf<O extends TConsoleOperation> = O extends { auth: "session" } ? TSessionUser : null;

type TContext<O extends TConsoleOperation> = {
  params: TInputOf<O["params"]>;
  query: TInputOf<O["query"]>;
  body: TInputOf<O["body"]>;
  who: TWhoOf<O>;
  actor: TAuditActor;
  requestId: string;
  request: Request;
  /** The transaction the change and its audit event share (the plain client for reads). */
  tx: TTx;
};

/** What a route adds to its operation's entry: the work, and the limits only the server knows. */
type TSpec<O extends TConsoleOperation, R> = {
  handler: (ctx: TContext<O>) => Promise<R>;
  /** Runs once the handler's transaction has committed, on the plain client; its result is the answer. */
  afterCommit?: (result: R, ctx: { tx: TTx }) => Promise<unknown>;
  maxBodyBytes?: number;
  /** For changes that legitimately take long, such as a whole-registry import. */
  transactionTimeoutMs?: number;
};

// Answers carry who asked and what they may see; no cache, shared or private, may keep them.
const NO_STORE = "no-store";

type TNextContext = { params: Promise<Record<string, string | string[]>> };
export type TRouteHandler = (request: Request, context: TNextContext) => Promise<Response>;
/** A handler that knows the operation it serves, so the method table and a test can read it. */
export type TDefinedRoute = TRouteHandler & { operation: TConsoleOperation };

/**
 * One `/api/v1` route from its catalog entry: method, auth, permission, zod inputs, status and audit
 * action come from the entry, problem+json errors from here; the route adds only its handler.
 */
export function defineRoute<O extends TConsoleOperation, R>(operation: O, spec: TSpec<O, R>): TDefinedRoute {
  const handle: TRouteHandler = async (request, context) => {
    const requestId = requestIdOf(request);
    const url = new URL(request.url);
    let user: TSessionUser | null = null;
    try {
      user = await authenticate(operation, request, requestId, url.pathname);
      const params = operation.params ? validate(operation.params, checkInput(await paramsOf(context), "params"), "params") : undefined;
      const query = operation.query ? validate(operation.query, checkInput(queryObject(url), "query"), "query") : undefined;
      const body = operation.body
        ? validate(operation.body, await readJsonBody(request, spec.maxBodyBytes ?? env().MAX_BODY_BYTES), "body")
        : undefined;
      const actor = actorOf(user ? { kind: "user", user } : null, requestId);
      // The entry's schemas produced these, so they are the types the handler is declared with.
      const base = { params, query, body, who: user, actor, requestId, request } as Omit<TContext<O>, "tx">;
      const audit = operation.audit === undefined ? [] : [operation.audit].flat();
      const result = audit.length
        ? await runAudited(
            db,
            async (tx) => {
              const value = await spec.handler({ ...base, tx });
              const recorded = auditedActions(tx);
              if (!audit.some((a) => recorded.has(a)))
                throw new Error(`route ${url.pathname} did not record its audit event ${audit.join(" or ")}`);
              return value;
            },
            spec.transactionTimeoutMs ? { timeout: spec.transactionTimeoutMs } : undefined,
          )
        : await spec.handler({ ...base, tx: db });
      const answer = spec.afterCommit ? await spec.afterCommit(result, { tx: db }) : result;
      // A handler may answer with a file (an export) rather than JSON.
      if (answer instanceof Response) {
        answer.headers.set("x-request-id", requestId);
        answer.headers.set("cache-control", NO_STORE);
        return answer;
      }
      const status = operation.status;
      if (answer === undefined || status === 204)
        return new Response(null, { status: 204, headers: { "x-request-id": requestId, "cache-control": NO_STORE } });
      return Response.json(answer, { status, headers: { "x-request-id": requestId, "cache-control": NO_STORE } });
    } catch (error) {
      const problem = errorResponse(error, requestId, url.pathname, request.method);
      problem.headers.set("cache-control", NO_STORE);
      return problem;
    }
  };
  return Object.assign(handle, { operation });
}

/** Next decodes the path's `{id}`s itself; a segment that is not valid percent-encoding is the caller's to fix. */
async function paramsOf(context: TNextContext): Promise<Record<string, string | string[]>> {
  try {
    return await context.params;
  } catch (error) {
    if (error instanceof URIError)
      throw new AppError("bad_request", "The path is not valid percent-encoding; encode each segment with encodeURIComponent");
    throw error;
  }
}

async function authenticate(operation: TConsoleOperation, request: Request, requestId: string, path: string): Promise<TSessionUser | null> {
  if (operation.auth === "public") return null;
  // The front door refuses these first; this holds wherever the route is reached from.
  refuseCrossSite({
    method: request.method,
    origin: request.headers.get("origin"),
    fetchSite: request.headers.get("sec-fetch-site"),
    host: request.headers.get("host"),
    publicOrigin: publicOrigin(),
  });
  return authenticateSession({ permission: operation.permission, requestId, resource: path });
}

export function errorResponse(error: unknown, requestId: string, instance: string, method: string): Response {
  return problemResponse(problemOf(error, { requestId, instance, method }));
}
