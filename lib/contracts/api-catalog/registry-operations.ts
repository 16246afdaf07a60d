import { ZWorkflowIdParams } from "../changes";
import { ZShadowWorkflowList } from "../catalog";
import { ZImportResult, ZInventory, ZInventoryCsvImport, ZInventoryCsvText, ZInventoryExportQuery } from "../inventory";
import { ZCreateToken, ZIssuedToken, ZRotateToken, ZTokenList, ZTokenParams, ZTokenView } from "../tokens-admin";
import { defineOperation, type TApiOperation } from "./operation";

const read = { auth: "session", permission: "workflows:read" } as const;
const manageTokens = { auth: "session", permission: "tokens:manage" } as const;
const importRegistry = { auth: "session", permission: "registry:import" } as const;

export const listServiceTokensOperation = defineOperation({
  ...read,
  id: "listServiceTokens",
  method: "GET",
  path: "/api/v1/workflows/{id}/tokens",
  tag: "tokens",
  summary: "A workflow's service tokens (never their secrets)",
  params: ZWorkflowIdParams,
  status: 200,
  response: ZTokenList,
  errors: [404],
});

export const createServiceTokenOperation = defineOperation({
  ...manageTokens,
  id: "createServiceToken",
  method: "POST",
  path: "/api/v1/workflows/{id}/tokens",
  tag: "tokens",
  summary: "Create a service token; the answer is the only time its secret is shown",
  params: ZWorkflowIdParams,
  body: ZCreateToken,
  status: 201,
  response: ZIssuedToken,
  errors: [404, 409],
  audit: "token.created",
});

export const rotateServiceTokenOperation = defineOperation({
  ...manageTokens,
  id: "rotateServiceToken",
  method: "POST",
  path: "/api/v1/workflows/{id}/tokens/{tokenId}/rotate",
  tag: "tokens",
  summary: "Issue a successor; the old token keeps working for the overlap",
  params: ZTokenParams,
  body: ZRotateToken,
  status: 201,
  response: ZIssuedToken,
  errors: [404, 409],
  audit: "token.rotated",
});

export const revokeServiceTokenOperation = defineOperation({
  ...manageTokens,
  id: "revokeServiceToken",
  method: "POST",
  path: "/api/v1/workflows/{id}/tokens/{tokenId}/revoke",
  tag: "tokens",
  summary: "Revoke a token at once",
  params: ZTokenParams,
  status: 200,
  response: ZTokenView,
  errors: [404, 409],
  audit: "token.revoked",
});

export const listShadowWorkflowsOperation = defineOperation({
  ...read,
  id: "listShadowWorkflows",
  method: "GET",
  path: "/api/v1/shadow-workflows",
  tag: "workflows",
  summary: "Workflow keys automations used that nobody registered",
  status: 200,
  response: ZShadowWorkflowList,
  errors: [],
});

export const exportInventoryOperation = defineOperation({
  ...read,
  id: "exportInventory",
  method: "GET",
  path: "/api/v1/registry/export",
  tag: "registry",
  summary: "Download the registry the caller may see: one JSON document, or one CSV per entity",
  query: ZInventoryExportQuery,
  status: 200,
  response: { "application/json": ZInventory, "text/csv": ZInventoryCsvText },
  errors: [],
});

export const importInventoryOperation = defineOperation({
  ...importRegistry,
  id: "importInventory",
  method: "POST",
  path: "/api/v1/registry/import",
  tag: "registry",
  summary: "Import a whole inventory document, all or nothing; problems are reported by field",
  body: ZInventory,
  status: 200,
  response: ZImportResult,
  errors: [],
  audit: "registry.imported",
});

export const importInventoryCsvOperation = defineOperation({
  ...importRegistry,
  id: "importInventoryCsv",
  method: "POST",
  path: "/api/v1/registry/import/csv",
  tag: "registry",
  summary: "Import one entity's CSV, all or nothing; problems are reported by row and field",
  body: ZInventoryCsvImport,
  status: 200,
  response: ZImportResult,
  errors: [],
  audit: "registry.imported",
});

export const REGISTRY_OPERATIONS: readonly TApiOperation[] = [
  listServiceTokensOperation,
  createServiceTokenOperation,
  rotateServiceTokenOperation,
  revokeServiceTokenOperation,
  listShadowWorkflowsOperation,
  exportInventoryOperation,
  importInventoryOperation,
  importInventoryCsvOperation,
];
