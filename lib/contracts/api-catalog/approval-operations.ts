import { ZApprovalVote } from "../approvals";
import {
  ZApprovalDetail,
  ZApprovalHistoryPage,
  ZApprovalHistoryQuery,
  ZApprovalIdParams,
  ZApprovalQueuePage,
  ZApprovalQueueQuery,
  ZApprovalQueueStreamEvent,
  ZApprovalVoteOutcome,
} from "../approvals-console";
import { defineOperation, type TApiOperation } from "./operation";

const read = { auth: "session", permission: "approvals:read" } as const;

export const listApprovalQueueOperation = defineOperation({
  ...read,
  id: "listApprovalQueue",
  method: "GET",
  path: "/api/v1/approval-queue",
  tag: "approvals",
  summary: "The pending requests the signed-in person may decide, soonest deadline first (separation of duties applied)",
  query: ZApprovalQueueQuery,
  status: 200,
  response: ZApprovalQueuePage,
  errors: [],
});

export const streamApprovalQueueOperation = defineOperation({
  ...read,
  id: "streamApprovalQueue",
  method: "GET",
  path: "/api/v1/approval-queue/stream",
  tag: "approvals",
  summary: "Server-Sent Events: `approval` whenever a request is created or changes, `resync` when changes may have been missed",
  status: 200,
  response: { "text/event-stream": ZApprovalQueueStreamEvent },
  errors: [],
});

export const getApprovalDetailOperation = defineOperation({
  ...read,
  id: "getApprovalDetail",
  method: "GET",
  path: "/api/v1/approval-queue/{id}",
  tag: "approvals",
  summary: "One request with its full context, votes, audit trail and what the viewer may do",
  params: ZApprovalIdParams,
  status: 200,
  response: ZApprovalDetail,
  errors: [404],
});

export const voteOnApprovalOperation = defineOperation({
  auth: "session",
  permission: "approvals:decide",
  id: "voteOnApproval",
  method: "POST",
  path: "/api/v1/approval-queue/{id}/votes",
  tag: "approvals",
  summary: "Approve or deny with a reason; Security may break glass with an incident reference. Separation of duties applies",
  params: ZApprovalIdParams,
  body: ZApprovalVote,
  status: 201,
  response: ZApprovalVoteOutcome,
  errors: [404, 409],
  audit: "approval.voted",
});

export const listApprovalHistoryOperation = defineOperation({
  ...read,
  id: "listApprovalHistory",
  method: "GET",
  path: "/api/v1/approval-history",
  tag: "approvals",
  summary: "Decided requests, newest first, searchable; each links to its audit trail",
  query: ZApprovalHistoryQuery,
  status: 200,
  response: ZApprovalHistoryPage,
  errors: [],
});

/** The console's approval queue; automations use `/api/v1/approvals` with a service token. */
export const APPROVAL_OPERATIONS: readonly TApiOperation[] = [
  listApprovalQueueOperation,
  streamApprovalQueueOperation,
  getApprovalDetailOperation,
  voteOnApprovalOperation,
  listApprovalHistoryOperation,
];
