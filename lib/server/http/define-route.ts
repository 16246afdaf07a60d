import "server-only";
import type { z } from "zod";
import type { TAuditAction, TAuditActor } from "@/lib/contracts/audit";
import type { TPermission } from "@/lib/contracts/permissions";
import type { TTokenScope } from "@/lib/contracts/tokens";
import { authenticateServiceToken } from "../auth/authenticate-service-token";
import { auditedActions } from "../audit/record-audit-event";
import { runAudited } from "../audit/run-audited";
import { actorOf, type TPrincipal, type TServicePrincipal } from "../authz/principal";
import { db, type TTx } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";
import type { TSessionUser } from "../auth/current-user";
import { authenticateSession } from "./authenticate-session";
import { checkInput, queryObject, readJsonBody, validate } from "./parse-input";
import { problemOf, problemResponse } from "./problem";
import { publicOrigin } from "./public-origin";
import { refuseCrossSite } from "./refuse-cross-site";
import { requestIdOf } from "./request-id";

type TAuthMode = "session" | "token" | "public";
type TAuth = { auth: "session"; permission: TPermission } | { auth: "token"; scope: TTokenScope } | { auth: "public" };
type TAuthFor<M extends TAuthMode> = Extract<TAuth, { auth: M }>;

type TContext<P, Q, B, TWho> = {
  params: P;
  query: Q;
  body: B;
  who: TWho;
  actor: TAuditActor;
  requestId: string;
  request: Request;
  /** The transaction the change and its audit event share (the plain client for reads). */
  tx: TTx;
};

type TWhoFor<M extends TAuthMode> = M extends "session" ? TSessionUser : M extends "token" ? TServicePrincipal : null;

// The auth mode is its own type parameter so TypeScript infers it before typing the handler.
type TSpec<M extends TAuthMode, P, Q, B, R> = TAuthFor<M> & {
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** A change route names the audit event it records; it cannot commit without recording it. */
  audit?: TAuditAction;
  status?: number;
  maxBodyBytes?: number;
  /** For changes that legitimately take long, such as a whole-registry import. */
  transactionTimeoutMs?: number;
  handler: (ctx: TContext<P, Q, B, TWhoFor<M>>) => Promise<R>;
  /** Runs once the handler's transaction has committed; its result is the answer. */
  afterCommit?: (result: R) => Promise<unknown>;
};

// Answers carry who asked and what they may see; no cache, shared or private, may keep them.
const NO_STORE = "no-store";

type TNextContext = { params: Promise<Record<string, string | string[]>> };
export type TRouteHandler = (request: Request, context: TNextContext) => Promise<Response>;

/** One declarative `/api/v1` route: auth mode, permission, zod inputs, audit action, problem+json errors. */
export function defineRoute<M extends TAuthMode, P = undefined, Q = undefined, B = undefined, R = unknown>(
  spec: TSpec<M, P, Q, B, R>,
): TRouteHandler {
  return async (request, context) => {
    const requestId = requestIdOf(request);
    const url = new URL(request.url);
    let principal: TPrincipal | null = null;
    try {
      principal = await authenticate(spec, request, requestId, url.pathname);
      const params = spec.params ? validate(spec.params, checkInput(await paramsOf(context), "params"), "params") : (undefined as P);
      const query = spec.query ? validate(spec.query, checkInput(queryObject(url), "query"), "query") : (undefined as Q);
      const body = spec.body
        ? validate(spec.body, await readJsonBody(request, spec.maxBodyBytes ?? env().MAX_BODY_BYTES), "body")
        : (undefined as B);
      const actor = actorOf(principal, requestId);
      const who = (principal?.kind === "user" ? principal.user : principal?.kind === "service" ? principal.service : null) as TWhoFor<M>;
      const base = { params, query, body, who, actor, requestId, request };
      const audit = spec.audit;
      const result = audit
        ? await runAudited(
            db,
            async (tx) => {
              const value = await spec.handler({ ...base, tx });
              if (!auditedActions(tx).has(audit)) throw new Error(`route ${url.pathname} did not record its audit event ${audit}`);
              return value;
            },
            spec.transactionTimeoutMs ? { timeout: spec.transactionTimeoutMs } : undefined,
          )
        : await spec.handler({ ...base, tx: db });
      const answer = spec.afterCommit ? await spec.afterCommit(result) : result;
      // A handler may answer with a file (an export) rather than JSON.
      if (answer instanceof Response) {
        answer.headers.set("x-request-id", requestId);
        answer.headers.set("cache-control", NO_STORE);
        return answer;
      }
      const status = spec.status ?? 200;
      if (answer === undefined || status === 204) return new Response(null, { status: 204, headers: { "x-request-id": requestId, "cache-control": NO_STORE } });
      return Response.json(answer, { status, headers: { "x-request-id": requestId, "cache-control": NO_STORE } });
    } catch (error) {
      const problem = errorResponse(error, requestId, url.pathname, request.method);
      problem.headers.set("cache-control", NO_STORE);
      return problem;
    }
  };
}

/** Next decodes the path's `{id}`s itself; a segment that is not valid percent-encoding is the caller's to fix. */
async function paramsOf(context: TNextContext): Promise<Record<string, string | string[]>> {
  try {
    return await context.params;
  } catch (error) {
    if (error instanceof URIError) throw new AppError("bad_request", "The path is not valid percent-encoding; encode each segment with encodeURIComponent");
    throw error;
  }
}

async function authenticate(spec: TAuth, request: Request, requestId: string, path: string): Promise<TPrincipal | null> {
  if (spec.auth === "public") return null;
  if (spec.auth === "token") {
    const service = await authenticateServiceToken({ authorization: request.headers.get("authorization"), scope: spec.scope });
    return { kind: "service", service };
  }
  // The front door refuses these first; this holds wherever the route is reached from.
  refuseCrossSite({ method: request.method, origin: request.headers.get("origin"), fetchSite: request.headers.get("sec-fetch-site"), host: request.headers.get("host"), publicOrigin: publicOrigin() });
  const user = await authenticateSession({ permission: spec.permission, requestId, resource: path });
  return { kind: "user", user };
}

export function errorResponse(error: unknown, requestId: string, instance: string, method: string): Response {
  return problemResponse(problemOf(error, { requestId, instance, method }));
}
