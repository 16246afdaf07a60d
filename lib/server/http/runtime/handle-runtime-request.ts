import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RuntimeGate } from "../../decisions/runtime/runtime-gate";
import { AppError } from "../../errors";
import { getApproval } from "./get-approval";
import { getKillSwitchStream } from "./get-kill-switch-stream";
import { requestIdOfNode, sendError } from "./node-io";
import { postApproval } from "./post-approval";
import { postDecision } from "./post-decision";
import { postEvents } from "./post-events";
import type { TRuntimeRoute } from "./runtime-route";

export const RUNTIME_ROUTES: readonly TRuntimeRoute[] = [postDecision, postEvents, postApproval, getApproval, getKillSwitchStream];

type TCompiled = { pattern: RegExp; names: string[]; routes: TRuntimeRoute[] };

function compile(routes: readonly TRuntimeRoute[]): TCompiled[] {
  const byPath = new Map<string, TRuntimeRoute[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  return [...byPath].map(([path, sameRoutes]) => {
    const names: string[] = [];
    const source = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"));
    return { pattern: new RegExp(`^${source}/?$`), names, routes: sameRoutes };
  });
}

/**
 * The run-time API, served straight from node:http: returns false for any other path so the
 * front door can hand the request to Next. Each route authenticates its token from memory.
 */
export function createRuntimeHandler(gate: RuntimeGate): (req: IncomingMessage, res: ServerResponse) => boolean {
  const table = compile(RUNTIME_ROUTES);
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://runtime.invalid");
    let match: RegExpExecArray | null = null;
    const entry = table.find((candidate) => (match = candidate.pattern.exec(url.pathname)) !== null);
    if (!entry || !match) return false;
    const found: RegExpExecArray = match;
    const requestId = requestIdOfNode(req);
    const route = entry.routes.find((r) => r.method === req.method);
    void (async () => {
      try {
        if (!route) {
          const allow = entry.routes.map((r) => r.method).join(", ");
          throw new AppError("method_not_allowed", `${req.method} is not supported here; use ${allow}`, undefined, { allow });
        }
        const params = Object.fromEntries(entry.names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? "")]));
        const principal = await gate.tokens.authenticate(req.headers.authorization ?? null, route.scope);
        await route.handle({ req, res, url, params, principal, requestId, gate });
      } catch (error) {
        sendError(res, error, requestId, req);
      }
    })();
    return true;
  };
}
