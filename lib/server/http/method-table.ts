import "server-only";
import type { TDefinedRoute, TRouteHandler } from "./define-route";
import { problemResponse } from "./problem";
import { requestIdOf } from "./request-id";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type TMethod = (typeof METHODS)[number];

/**
 * A route file's exports: each defined route under its operation's method, and for every other
 * method a problem+json 405 with an Allow header instead of Next's empty default.
 */
export function routes(...defined: TDefinedRoute[]): Record<TMethod, TRouteHandler> {
  const handlers = new Map<TMethod, TRouteHandler>();
  for (const route of defined) {
    const { method, path } = route.operation;
    if (handlers.has(method)) throw new Error(`${path} defines ${method} twice`);
    handlers.set(method, route);
  }
  const allow = METHODS.filter((m) => handlers.has(m)).join(", ");
  const notAllowed: TRouteHandler = async (request) => {
    const requestId = requestIdOf(request);
    return problemResponse({
      code: "method_not_allowed",
      requestId,
      instance: new URL(request.url).pathname,
      detail: `${request.method} is not supported here; use ${allow}`,
      headers: { allow },
    });
  };
  return Object.fromEntries(METHODS.map((m) => [m, handlers.get(m) ?? notAllowed])) as Record<TMethod, TRouteHandler>;
}
