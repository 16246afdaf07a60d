import { problemResponse } from "@/lib/server/http/problem";
import { requestIdOf } from "@/lib/server/http/request-id";

// Any /api/v1 path no route claims: problem+json rather than the console's HTML 404.
function notFound(request: Request): Response {
  const path = new URL(request.url).pathname;
  return problemResponse({
    code: "not_found",
    requestId: requestIdOf(request),
    instance: path,
    detail: `There is no API endpoint at ${path}`,
  });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
