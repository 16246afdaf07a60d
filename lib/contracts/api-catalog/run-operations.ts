import {
  ZDecisionPage,
  ZRunPage,
  ZRunTimeline,
  ZRunTimelineQuery,
  ZWorkflowDecisionsQuery,
  ZWorkflowRunParams,
  ZWorkflowRunsQuery,
} from "../runs";
import { ZWorkflowIdParams } from "../workflows";
import { defineOperation, type TApiOperation } from "./operation";

const read = { auth: "session", permission: "workflows:read" } as const;

export const listWorkflowDecisionsOperation = defineOperation({
  ...read,
  id: "listWorkflowDecisions",
  method: "GET",
  path: "/api/v1/workflows/{id}/decisions",
  tag: "runs",
  summary: "The gate's recent decisions for one workflow, newest first: filter by outcome, reason code, tool and run; pages by cursor",
  params: ZWorkflowIdParams,
  query: ZWorkflowDecisionsQuery,
  status: 200,
  response: ZDecisionPage,
  errors: [404],
});

export const listWorkflowRunsOperation = defineOperation({
  ...read,
  id: "listWorkflowRuns",
  method: "GET",
  path: "/api/v1/workflows/{id}/runs",
  tag: "runs",
  summary: "One workflow's runs, newest first, with their events, decisions and denials counted; filter by status",
  params: ZWorkflowIdParams,
  query: ZWorkflowRunsQuery,
  status: 200,
  response: ZRunPage,
  errors: [404],
});

export const getRunTimelineOperation = defineOperation({
  ...read,
  id: "getRunTimeline",
  method: "GET",
  path: "/api/v1/workflows/{id}/runs/{runId}",
  tag: "runs",
  summary:
    "One run in time order: what started it, every decision, approvals with each vote, tool and model calls, overrides, rollbacks, errors; pages by cursor",
  params: ZWorkflowRunParams,
  query: ZRunTimelineQuery,
  status: 200,
  response: ZRunTimeline,
  errors: [404],
});

/** What automations did, as people read it in the console. */
export const RUN_OPERATIONS: readonly TApiOperation[] = [
  listWorkflowDecisionsOperation,
  listWorkflowRunsOperation,
  getRunTimelineOperation,
];
