import {
  ZChangeDecision,
  ZChangeIdParams,
  ZChangeRequestDetail,
  ZChangeRequestList,
  ZChangeRequestView,
  ZChangesQuery,
  ZPermissionEdit,
  ZWorkflowChangesQuery,
  ZWorkflowIdParams,
} from "../changes";
import { ZCreatePolicy, ZPolicyChangeOpened, ZPolicyDetail, ZPolicyIdParams, ZPolicyList, ZProposePolicyChange } from "../policies";
import { defineOperation, type TApiOperation } from "./operation";

const read = { auth: "session", permission: "workflows:read" } as const;
const edit = { auth: "session", permission: "workflows:edit" } as const;
const review = { auth: "session", permission: "changes:review" } as const;
const readCatalog = { auth: "session", permission: "catalog:read" } as const;
const manageCatalog = { auth: "session", permission: "catalog:manage" } as const;

export const listWorkflowChangeRequestsOperation = defineOperation({
  ...read,
  id: "listWorkflowChangeRequests",
  method: "GET",
  path: "/api/v1/workflows/{id}/changes",
  tag: "changes",
  summary: "One workflow's change requests",
  params: ZWorkflowIdParams,
  query: ZWorkflowChangesQuery,
  status: 200,
  response: ZChangeRequestList,
  errors: [404],
});

export const proposeWorkflowChangeOperation = defineOperation({
  ...edit,
  id: "proposeWorkflowChange",
  method: "POST",
  path: "/api/v1/workflows/{id}/changes",
  tag: "changes",
  summary: "Propose a permission change to an active or paused workflow, for review",
  params: ZWorkflowIdParams,
  body: ZPermissionEdit,
  status: 201,
  response: ZChangeRequestView,
  errors: [404, 409],
  audit: "change_request.opened",
});

export const listChangeRequestsOperation = defineOperation({
  auth: "session",
  permission: "changes:read",
  id: "listChangeRequests",
  method: "GET",
  path: "/api/v1/changes",
  tag: "changes",
  summary: "The review queue: pending requests first, oldest first",
  query: ZChangesQuery,
  status: 200,
  response: ZChangeRequestList,
  errors: [],
});

export const getChangeRequestOperation = defineOperation({
  ...read,
  id: "getChangeRequest",
  method: "GET",
  path: "/api/v1/changes/{id}",
  tag: "changes",
  summary: "One change request with its diff and history (an owner sees their workflows' own)",
  params: ZChangeIdParams,
  status: 200,
  response: ZChangeRequestDetail,
  errors: [404],
});

export const approveChangeRequestOperation = defineOperation({
  ...review,
  id: "approveChangeRequest",
  method: "POST",
  path: "/api/v1/changes/{id}/approve",
  tag: "changes",
  summary: "Approve and apply a change; the reviewer cannot be its requester",
  params: ZChangeIdParams,
  body: ZChangeDecision,
  status: 200,
  response: ZChangeRequestView,
  errors: [404, 409],
  audit: "change_request.approved",
});

export const rejectChangeRequestOperation = defineOperation({
  ...review,
  id: "rejectChangeRequest",
  method: "POST",
  path: "/api/v1/changes/{id}/reject",
  tag: "changes",
  summary: "Reject a change, with a reason",
  params: ZChangeIdParams,
  body: ZChangeDecision,
  status: 200,
  response: ZChangeRequestView,
  errors: [404, 409],
  audit: "change_request.rejected",
});

export const withdrawChangeRequestOperation = defineOperation({
  ...read,
  id: "withdrawChangeRequest",
  method: "POST",
  path: "/api/v1/changes/{id}/withdraw",
  tag: "changes",
  summary: "Withdraw a pending change (its requester only)",
  params: ZChangeIdParams,
  status: 200,
  response: ZChangeRequestView,
  errors: [404, 409],
  audit: "change_request.withdrawn",
});

export const listPoliciesOperation = defineOperation({
  ...readCatalog,
  id: "listPolicies",
  method: "GET",
  path: "/api/v1/policies",
  tag: "policies",
  summary: "Every custom Cedar policy",
  status: 200,
  response: ZPolicyList,
  errors: [],
});

export const createPolicyOperation = defineOperation({
  ...manageCatalog,
  id: "createPolicy",
  method: "POST",
  path: "/api/v1/policies",
  tag: "policies",
  summary: "Propose a new policy; it applies once a second SECURITY user approves",
  body: ZCreatePolicy,
  // 202: the policy is proposed, not applied; a second SECURITY user's approval applies it.
  status: 202,
  response: ZPolicyChangeOpened,
  errors: [409],
  audit: "change_request.opened",
});

export const getPolicyOperation = defineOperation({
  ...readCatalog,
  id: "getPolicy",
  method: "GET",
  path: "/api/v1/policies/{id}",
  tag: "policies",
  summary: "One policy with its versions and pending changes",
  params: ZPolicyIdParams,
  status: 200,
  response: ZPolicyDetail,
  errors: [404],
});

export const proposePolicyChangeOperation = defineOperation({
  ...manageCatalog,
  id: "proposePolicyChange",
  method: "PATCH",
  path: "/api/v1/policies/{id}",
  tag: "policies",
  summary: "Propose a change to a policy, for review",
  params: ZPolicyIdParams,
  body: ZProposePolicyChange,
  status: 202,
  response: ZPolicyChangeOpened,
  errors: [404, 409],
  audit: "change_request.opened",
});

export const REVIEW_OPERATIONS: readonly TApiOperation[] = [
  listWorkflowChangeRequestsOperation,
  proposeWorkflowChangeOperation,
  listChangeRequestsOperation,
  getChangeRequestOperation,
  approveChangeRequestOperation,
  rejectChangeRequestOperation,
  withdrawChangeRequestOperation,
  listPoliciesOperation,
  createPolicyOperation,
  getPolicyOperation,
  proposePolicyChangeOperation,
];
