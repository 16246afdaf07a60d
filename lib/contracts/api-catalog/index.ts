import { ADMIN_OPERATIONS } from "./admin-operations";
import { APPROVAL_OPERATIONS } from "./approval-operations";
import { CATALOG_OPERATIONS } from "./catalog-operations";
import { KILLSWITCH_OPERATIONS } from "./killswitch-operations";
import type { TApiOperation } from "./operation";
import { REGISTRY_OPERATIONS } from "./registry-operations";
import { REVIEW_OPERATIONS } from "./review-operations";
import { RUN_OPERATIONS } from "./run-operations";
import { RUNTIME_OPERATIONS } from "./runtime-operations";
import { SCORECARD_OPERATIONS } from "./scorecard-operations";
import { WORKFLOW_OPERATIONS } from "./workflow-operations";
import { WEBHOOK_OPERATIONS } from "./webhook-operations";

export { API_TAGS, errorStatusesOf, type TApiMethod, type TApiOperation, type TApiTag } from "./operation";
export { ZOpenApiDocument, type TOpenApiDocument } from "./admin-operations";

/**
 * Every `/api/v1` operation. Routes are defined from these entries, so the OpenAPI document built
 * from them describes what is served; a test checks every entry is served at its path.
 */
export const API_OPERATIONS: readonly TApiOperation[] = [
  ...RUNTIME_OPERATIONS,
  ...WORKFLOW_OPERATIONS,
  ...REVIEW_OPERATIONS,
  ...REGISTRY_OPERATIONS,
  ...CATALOG_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...APPROVAL_OPERATIONS,
  ...KILLSWITCH_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
  ...RUN_OPERATIONS,
  ...SCORECARD_OPERATIONS,
];
