import { streamApprovalChanges } from "@/lib/server/approvals/stream-approval-changes";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";

// no-transform keeps Next's compression from buffering the events; x-accel-buffering does the same for nginx.
const SSE_HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", "x-accel-buffering": "no" };

// The console's live queue: the browser refetches when told something changed.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "approvals:read",
    handler: async ({ request }) => new Response(streamApprovalChanges({ signal: request.signal }), { headers: SSE_HEADERS }),
  }),
});
