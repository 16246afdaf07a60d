import "server-only";
import type { TRouteHandler } from "./define-route";
import { problemResponse } from "./problem";
import { requestIdOf } from "./request-id";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type TMethod = (typeof METHODS)[number];

/**
 * Exports a handler for every method, so a method the route lacks answers problem+json 405 with
 * an Allow header instead of Next's empty default.
 */
export function methods(handlers: Partial<Record<TMethod, TRouteHandler>>): Record<TMethod, TRouteHandler> {
  const allow = METHODS.filter((m) => handlers[m]).join(", ");
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
  return Object.fromEntries(METHODS.map((m) => [m, handlers[m] ?? notAllowed])) as Record<TMethod, TRouteHandler>;
}
