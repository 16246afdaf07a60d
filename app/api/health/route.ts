import { checkHealth } from "@/lib/server/db/check-health";
import { requestIdOf } from "@/lib/server/http/request-id";

export const dynamic = "force-dynamic";

// Outside /api/v1 on purpose: load balancers read the status code, so it is plain JSON either way.
export async function GET(request: Request) {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "x-request-id": requestIdOf(request), "cache-control": "no-store" },
  });
}
