import { describe, expect, it } from "vitest";
import { exportInventoryOperation, rotateServiceTokenOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { listWorkflowsOperation, getWorkflowOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { apiPath } from "./api-path";

describe("apiPath", () => {
  it("fills each {name} of the entry's path, encoded", () => {
    expect(apiPath(getWorkflowOperation, { id: "a/b c" })).toBe("/api/v1/workflows/a%2Fb%20c");
    expect(apiPath(rotateServiceTokenOperation, { id: "w1", tokenId: "t1" })).toBe("/api/v1/workflows/w1/tokens/t1/rotate");
    expect(apiPath(listWorkflowsOperation)).toBe("/api/v1/workflows");
  });

  it("adds the query's non-empty values in order", () => {
    expect(apiPath(exportInventoryOperation, {}, { format: "csv", entity: "tools", empty: "", absent: undefined })).toBe(
      "/api/v1/registry/export?format=csv&entity=tools",
    );
  });

  it("refuses at compile time a path parameter left out or misspelt, and at run time if one is missing anyway", () => {
    // @ts-expect-error -- tokenId is part of the path
    expect(() => apiPath(rotateServiceTokenOperation, { id: "w1" })).toThrow(
      "/api/v1/workflows/{id}/tokens/{tokenId}/rotate needs tokenId",
    );
    // @ts-expect-error -- the path names {id}, not {workflowId}
    expect(() => apiPath(getWorkflowOperation, { workflowId: "w1" })).toThrow("needs id");
  });
});
