import { ZApprovalState, ZApprovalWaitQuery, ZCreateApprovalRequest } from "../approvals";
import { ZApprovalIdParams } from "../approvals-console";
import { ZDecisionRequest, ZDecisionResponse } from "../decisions";
import { ZEventBatch, ZEventBatchResponse } from "../events";
import { ZKillSwitchStreamState } from "../killswitch";
import { ZScreenRequest, ZScreenResponse } from "../screen";
import type { TApiOperation } from "./operation";

// The calls automations make around every tool call, served by the front door's node:http
// routes (lib/server/http/runtime), which take their method, path, scope and schemas from here.

export const DECIDE_OPERATION = {
  auth: "token",
  scope: "DECIDE",
  id: "decide",
  method: "POST",
  path: "/api/v1/decisions",
  tag: "runtime",
  summary:
    "Ask before a tool call: allow, deny or require_approval, with the rule that decided and the registry version (a 503 is a deny; a decisionId reused for a different call is a 409)",
  body: ZDecisionRequest,
  status: 200,
  response: ZDecisionResponse,
  errors: [409, 503],
} as const satisfies TApiOperation;

export const INGEST_EVENTS_OPERATION = {
  auth: "token",
  scope: "INGEST",
  id: "ingestEvents",
  method: "POST",
  path: "/api/v1/events",
  tag: "runtime",
  summary:
    "Report up to 1,000 run events (ids, unique per workflow, make retries safe); redacted before storage; per-item results: stored, duplicate (same id, same content), conflict (same id, other content) or rejected; acknowledged means committed",
  body: ZEventBatch,
  status: 200,
  response: ZEventBatchResponse,
  errors: [503],
} as const satisfies TApiOperation;

export const REQUEST_APPROVAL_OPERATION = {
  auth: "token",
  scope: "APPROVE_REQUEST",
  id: "requestApproval",
  method: "POST",
  path: "/api/v1/approvals",
  tag: "runtime",
  summary: "Ask people to approve a call before making it (rules 1–8 still apply first)",
  body: ZCreateApprovalRequest,
  status: 201,
  response: ZApprovalState,
  errors: [503],
} as const satisfies TApiOperation;

export const WAIT_FOR_APPROVAL_OPERATION = {
  auth: "token",
  scope: "DECIDE",
  id: "waitForApproval",
  method: "GET",
  path: "/api/v1/approvals/{id}",
  tag: "runtime",
  summary: "An approval request's state; with waitSeconds, answers as soon as it is decided, expired or cancelled (long-poll)",
  params: ZApprovalIdParams,
  query: ZApprovalWaitQuery,
  status: 200,
  response: ZApprovalState,
  errors: [404],
} as const satisfies TApiOperation;

export const KILL_SWITCH_STREAM_OPERATION = {
  auth: "token",
  scope: "DECIDE",
  id: "streamKillSwitches",
  method: "GET",
  path: "/api/v1/killswitch/stream",
  tag: "runtime",
  summary:
    "Server-Sent Events: `state` (the engaged switches covering the workflow, heartbeatMs, leaseMs), then `engaged`, `released` and `heartbeat`; every event renews the lease, and a client that hears nothing for leaseMs must fail closed. When the token is revoked or expires the stream ends with `closed` (code, detail): the lease is lost at once",
  status: 200,
  response: { "text/event-stream": ZKillSwitchStreamState },
  errors: [],
} as const satisfies TApiOperation;

export const SCREEN_OPERATION = {
  auth: "token",
  scope: "DECIDE",
  id: "screen",
  method: "POST",
  path: "/api/v1/screen",
  tag: "runtime",
  summary:
    "Screen what is about to go to a model (a prompt, retrieved context, a tool result; text or JSON): the data classes found, whether the workflow declares them and the model is approved for their sensitivity, and the content that may be sent (credentials and unapproved personal data redacted; unapproved card data denied); recorded in the decision log as tool tollgate.screen",
  body: ZScreenRequest,
  status: 200,
  response: ZScreenResponse,
  errors: [503],
} as const satisfies TApiOperation;

export const RUNTIME_OPERATIONS: readonly TApiOperation[] = [
  DECIDE_OPERATION,
  INGEST_EVENTS_OPERATION,
  REQUEST_APPROVAL_OPERATION,
  WAIT_FOR_APPROVAL_OPERATION,
  KILL_SWITCH_STREAM_OPERATION,
  SCREEN_OPERATION,
];
