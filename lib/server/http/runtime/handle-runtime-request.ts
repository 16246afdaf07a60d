import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RuntimeGate } from "../../decisions/runtime/runtime-gate";
import { env } from "../../env";
import { AppError } from "../../errors";
import { checkInput, queryObject, validate } from "../parse-input";
import { getApproval } from "./get-approval";
import { getKillSwitchStream } from "./get-kill-switch-stream";
import { readJson, requestIdOfNode, sendError } from "./node-io";
import { postApproval } from "./post-approval";
import { postDecision } from "./post-decision";
import { postEvents } from "./post-events";
import { postScreen } from "./post-screen";
import type { TRuntimeRoute } from "./runtime-route";

export const RUNTIME_ROUTES: readonly TRuntimeRoute[] = [
  postDecision,
  postEvents,
  postApproval,
  getApproval,
  getKillSwitchStream,
  postScreen,
];

type TCompiled = { pattern: RegExp; names: string[]; routes: TRuntimeRoute[] };

function compile(routes: readonly TRuntimeRoute[]): TCompiled[] {
  const byPath = new Map<string, TRuntimeRoute[]>();
  for (const route of routes) byPath.set(route.operation.path, [...(byPath.get(route.operation.path) ?? []), route]);
  return [...byPath].map(([path, sameRoutes]) => {
    const names: string[] = [];
    const source = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"));
    return { pattern: new RegExp(`^${source}/?$`), names, routes: sameRoutes };
  });
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new AppError("bad_request", `The path segment "${segment}" is not valid percent-encoding`);
  }
}

async function serve(
  gate: RuntimeGate,
  route: TRuntimeRoute,
  raw: Record<string, string>,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
) {
  const { operation } = route;
  const principal = await gate.tokens.authenticate(req.headers.authorization ?? null, operation.scope);
  // Inputs a route does not declare are never read, so only declared ones are checked.
  const params = operation.params ? validate(operation.params, checkInput(raw, "params"), "params") : undefined;
  const query = operation.query
    ? validate(operation.query, checkInput(queryObject(new URL(req.url ?? "/", "http://runtime.invalid")), "query"), "query")
    : undefined;
  const text = !route.textCheckedPerItem;
  const body = operation.body
    ? validate(operation.body, await readJson(req, route.maxBodyBytes ?? env().MAX_BODY_BYTES, { text }), "body")
    : undefined;
  await route.handle({ req, res, params, query, body, principal, requestId, gate } as Parameters<TRuntimeRoute["handle"]>[0]);
}

/**
 * The run-time API, served straight from node:http: returns false for any other path so the
 * front door can hand the request to Next. Tokens are authenticated from memory.
 */
export function createRuntimeHandler(gate: RuntimeGate): (req: IncomingMessage, res: ServerResponse) => boolean {
  const table = compile(RUNTIME_ROUTES);
  return (req, res) => {
    const target = req.url ?? "/";
    const queryAt = target.indexOf("?");
    const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
    let found: { entry: TCompiled; match: RegExpExecArray } | null = null;
    for (const entry of table) {
      const match = entry.pattern.exec(pathname);
      if (match) found = { entry, match };
    }
    if (!found) return false;
    const { entry, match } = found;
    const requestId = requestIdOfNode(req);
    void (async () => {
      try {
        const route = entry.routes.find((r) => r.operation.method === req.method);
        if (!route) {
          const allow = entry.routes.map((r) => r.operation.method).join(", ");
          throw new AppError("method_not_allowed", `${req.method} is not supported here; use ${allow}`, undefined, { allow });
        }
        const raw = Object.fromEntries(entry.names.map((name, i) => [name, decodeSegment(match[i + 1] ?? "")]));
        await serve(gate, route, raw, req, res, requestId);
      } catch (error) {
        sendError(res, error, requestId, req);
      }
    })();
    return true;
  };
}
