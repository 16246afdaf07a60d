import { streamApprovalQueueOperation } from "@/lib/contracts/api-catalog/approval-operations";
import { streamApprovalChanges } from "@/lib/server/approvals/stream-approval-changes";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";
import { SSE_CONTENT_TYPE } from "@/lib/server/shared/create-sse-writer";

// no-transform keeps Next's compression from buffering the events; x-accel-buffering does the same for nginx.
const SSE_HEADERS = { "content-type": SSE_CONTENT_TYPE, "cache-control": "no-store, no-transform", "x-accel-buffering": "no" };

// The console's live queue: the browser refetches when told something changed.
export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(streamApprovalQueueOperation, {
    handler: async ({ request }) => new Response(streamApprovalChanges({ signal: request.signal }), { headers: SSE_HEADERS }),
  }),
);
