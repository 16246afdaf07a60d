import {
  ZPermissionEdit,
  ZPermissionPreview,
  ZPermissionsApplied,
  ZWorkflowIdParams as ZWorkflowIdParamsOfChanges,
  ZWorkflowPermissions,
} from "../changes";
import {
  ZChangeWorkflowStatus,
  ZCreateWorkflow,
  ZReplaceRaci,
  ZUpdateWorkflow,
  ZWorkflowDetail,
  ZWorkflowIdParams,
  ZWorkflowList,
  ZWorkflowListQuery,
  ZWorkflowReadiness,
} from "../workflows";
import { defineOperation, type TApiOperation } from "./operation";

const read = { auth: "session", permission: "workflows:read" } as const;
const edit = { auth: "session", permission: "workflows:edit" } as const;

export const listWorkflowsOperation = defineOperation({
  ...read,
  id: "listWorkflows",
  method: "GET",
  path: "/api/v1/workflows",
  tag: "workflows",
  summary: "List the workflows the caller may see: search, filters, sort and pages",
  query: ZWorkflowListQuery,
  status: 200,
  response: ZWorkflowList,
  errors: [],
});

export const createWorkflowOperation = defineOperation({
  auth: "session",
  permission: "workflows:create",
  id: "createWorkflow",
  method: "POST",
  path: "/api/v1/workflows",
  tag: "workflows",
  summary: "Register a draft workflow",
  body: ZCreateWorkflow,
  status: 201,
  response: ZWorkflowDetail,
  errors: [403, 409],
  audit: "workflow.created",
});

export const getWorkflowOperation = defineOperation({
  ...read,
  id: "getWorkflow",
  method: "GET",
  path: "/api/v1/workflows/{id}",
  tag: "workflows",
  summary: "One workflow with its RACI chart and permissions",
  params: ZWorkflowIdParams,
  status: 200,
  response: ZWorkflowDetail,
  errors: [404],
});

export const updateWorkflowOperation = defineOperation({
  ...edit,
  id: "updateWorkflow",
  method: "PATCH",
  path: "/api/v1/workflows/{id}",
  tag: "workflows",
  summary: "Edit a workflow's details against the version the editor saw",
  params: ZWorkflowIdParams,
  body: ZUpdateWorkflow,
  status: 200,
  response: ZWorkflowDetail,
  errors: [404, 409],
  audit: "workflow.updated",
});

export const replaceRaciOperation = defineOperation({
  ...edit,
  id: "replaceRaci",
  method: "PUT",
  path: "/api/v1/workflows/{id}/raci",
  tag: "workflows",
  summary: "Replace the RACI chart (exactly one Accountable)",
  params: ZWorkflowIdParams,
  body: ZReplaceRaci,
  status: 200,
  response: ZWorkflowDetail,
  errors: [404, 409],
  audit: "workflow.raci.changed",
});

export const getWorkflowReadinessOperation = defineOperation({
  ...read,
  id: "getWorkflowReadiness",
  method: "GET",
  path: "/api/v1/workflows/{id}/readiness",
  tag: "workflows",
  summary: "What activation still needs",
  params: ZWorkflowIdParams,
  status: 200,
  response: ZWorkflowReadiness,
  errors: [404],
});

export const changeWorkflowStatusOperation = defineOperation({
  ...edit,
  id: "changeWorkflowStatus",
  method: "POST",
  path: "/api/v1/workflows/{id}/status",
  tag: "workflows",
  summary: "Activate, pause, resume or retire a workflow",
  params: ZWorkflowIdParams,
  body: ZChangeWorkflowStatus,
  status: 200,
  response: ZWorkflowDetail,
  errors: [404, 409],
  audit: "workflow.status.changed",
});

export const readWorkflowPermissionsOperation = defineOperation({
  ...read,
  id: "readWorkflowPermissions",
  method: "GET",
  path: "/api/v1/workflows/{id}/permissions",
  tag: "workflows",
  summary: "A workflow's data classes, models and tool grants, and any change awaiting review",
  params: ZWorkflowIdParamsOfChanges,
  status: 200,
  response: ZWorkflowPermissions,
  errors: [404],
});

export const applyWorkflowPermissionsOperation = defineOperation({
  ...edit,
  id: "applyWorkflowPermissions",
  method: "PUT",
  path: "/api/v1/workflows/{id}/permissions",
  tag: "workflows",
  summary: "Replace a draft workflow's permissions (an active one's go through change review)",
  params: ZWorkflowIdParamsOfChanges,
  body: ZPermissionEdit,
  status: 200,
  response: ZPermissionsApplied,
  errors: [404, 409],
  audit: "workflow.permissions.changed",
});

export const previewPermissionEditOperation = defineOperation({
  ...edit,
  id: "previewPermissionEdit",
  method: "POST",
  path: "/api/v1/workflows/{id}/permissions/preview",
  tag: "workflows",
  summary: "The changes a permission edit would make; changes nothing",
  params: ZWorkflowIdParamsOfChanges,
  body: ZPermissionEdit,
  status: 200,
  response: ZPermissionPreview,
  errors: [404, 409],
});

export const WORKFLOW_OPERATIONS: readonly TApiOperation[] = [
  listWorkflowsOperation,
  createWorkflowOperation,
  getWorkflowOperation,
  updateWorkflowOperation,
  replaceRaciOperation,
  getWorkflowReadinessOperation,
  changeWorkflowStatusOperation,
  readWorkflowPermissionsOperation,
  applyWorkflowPermissionsOperation,
  previewPermissionEditOperation,
];
