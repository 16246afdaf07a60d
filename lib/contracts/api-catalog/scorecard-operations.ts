import { ZDashboard, ZDashboardQuery } from "../dashboard";
import { ZScorecard, ZScorecardParams, ZScorecardQuery, ZSloUpdateResult, ZUpdateSlo } from "../scorecard";
import { defineOperation, type TApiOperation } from "./operation";

export const getWorkflowScorecardOperation = defineOperation({
  auth: "session",
  permission: "workflows:read",
  id: "getWorkflowScorecard",
  method: "GET",
  path: "/api/v1/workflows/{id}/scorecard",
  tag: "scorecard",
  summary:
    "A workflow's reliability over 24h, 7d or 30d beside the period before: runs, success, latency, tool errors, denials by reason, approvals, overrides; control coverage, SLOs with error budget and burn-rate alerts, and a grade A–F that explains itself",
  params: ZScorecardParams,
  query: ZScorecardQuery,
  status: 200,
  response: ZScorecard,
  errors: [404],
});

export const updateWorkflowSloOperation = defineOperation({
  auth: "session",
  permission: "workflows:edit",
  id: "updateWorkflowSlo",
  method: "PUT",
  path: "/api/v1/workflows/{id}/slo",
  tag: "scorecard",
  summary:
    "Set a workflow's SLO targets against the version you saw: a draft's change at once (its owner or an administrator); an active or paused workflow's open a change request for a second person's review",
  params: ZScorecardParams,
  body: ZUpdateSlo,
  status: 200,
  response: ZSloUpdateResult,
  errors: [403, 404, 409],
  audit: ["workflow.slo.changed", "change_request.opened"],
});

export const getDashboardOperation = defineOperation({
  auth: "session",
  permission: "dashboard:read",
  id: "getDashboard",
  method: "GET",
  path: "/api/v1/dashboard",
  tag: "scorecard",
  summary:
    "The risk dashboard over 24h, 7d or 30d: inventory, shadow workflows, sensitive data flows to models, pending approvals against their deadlines, engaged kill switches, denial and DLP trends, the riskiest workflows by grade",
  query: ZDashboardQuery,
  status: 200,
  response: ZDashboard,
  errors: [],
});

export const SCORECARD_OPERATIONS: readonly TApiOperation[] = [
  getWorkflowScorecardOperation,
  updateWorkflowSloOperation,
  getDashboardOperation,
];
