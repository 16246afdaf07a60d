import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "@/lib/contracts/api-catalog";
import { RUNTIME_ROUTES } from "./handle-runtime-request";

describe("the front door's runtime routes", () => {
  it("serve exactly the catalog's runtime operations, once each", () => {
    const served = RUNTIME_ROUTES.map((route) => `${route.operation.method} ${route.operation.path}`).sort();
    const listed = API_OPERATIONS.filter((op) => op.tag === "runtime")
      .map((op) => `${op.method} ${op.path}`)
      .sort();
    expect(served).toEqual(listed);
    expect(new Set(served).size).toBe(served.length);
  });

  it("all authenticate with a service token", () => {
    expect(RUNTIME_ROUTES.every((route) => route.operation.auth === "token")).toBe(true);
  });
});
