import { Validator } from "@seriousme/openapi-schema-validator";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "./api-catalog";
import { buildOpenApiDocument, jsonSchemaOf } from "./openapi";
import { ZProblem } from "./errors";
import { ZWorkflowKey } from "./registry";
import { ZWorkflowDetail } from "./workflows";

const doc = buildOpenApiDocument();
/** The value at a path of keys in the document (or under `from`); undefined where the path breaks. */
const at = (from: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), from);
const resolve = (ref: unknown): unknown => at(doc, ...String(ref).replace(/^#\//, "").split("/"));
const operation = (method: string, route: string) => at(doc, "paths", route, method);

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 to a third-party validator, and every $ref resolves", async () => {
    const validator = new Validator();
    // A copy: resolveRefs replaces each $ref in place.
    const result = await validator.validate(structuredClone(doc));
    if (!result.valid) console.error(JSON.stringify(result.errors, null, 2));
    expect(result.valid).toBe(true);
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it("describes POST /api/v1/workflows: its body with the key pattern, 201 with the detail, and its problems", () => {
    const create = operation("post", "/api/v1/workflows");
    expect(create).toMatchObject({
      operationId: "createWorkflow",
      security: [{ sessionCookie: [] }],
      "x-tollgate-permission": "workflows:create",
    });
    const body = resolve(at(create, "requestBody", "content", "application/json", "schema", "$ref"));
    expect(at(body, "properties", "key")).toEqual(jsonSchemaOf(ZWorkflowKey, "input"));
    expect(at(body, "properties", "key", "pattern")).toBe("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    expect(at(body, "required")).toEqual(["key", "name", "purpose", "environment"]); // the rest have defaults
    expect(resolve(at(create, "responses", "201", "content", "application/json", "schema", "$ref"))).toEqual(
      jsonSchemaOf(ZWorkflowDetail, "output"),
    );
    for (const status of ["400", "401", "403", "409"]) {
      const problem = resolve(at(create, "responses", status, "$ref"));
      expect(at(problem, "content", "application/problem+json", "schema", "$ref")).toBe("#/components/schemas/Problem");
    }
  });

  it("expands path and query parameters from the params and query schemas", () => {
    const rotate = operation("post", "/api/v1/workflows/{id}/tokens/{tokenId}/rotate");
    expect(at(rotate, "parameters")).toMatchObject([
      { name: "id", in: "path", required: true, schema: { format: "uuid" } },
      { name: "tokenId", in: "path", required: true, schema: { format: "uuid" } },
    ]);
    expect(at(operation("get", "/api/v1/workflows"), "parameters")).toContainEqual({
      name: "page",
      in: "query",
      required: false,
      schema: { type: "integer", minimum: 1, maximum: 100_000 },
    });
    const exported = operation("get", "/api/v1/registry/export");
    expect(at(exported, "parameters")).toMatchObject([
      { name: "format", required: true, schema: { type: "string", enum: ["json", "csv"] } },
      { name: "entity", required: false },
    ]);
    expect(Object.keys(at(exported, "responses", "200", "content") as object)).toEqual(["application/json", "text/csv"]);
  });

  it("has one Problem schema built from ZProblem, a bodiless 204, and a public document route", () => {
    expect(at(doc, "components", "schemas", "Problem")).toEqual(jsonSchemaOf(ZProblem, "output"));
    expect(at(operation("delete", "/api/v1/catalog/data-classes/{id}"), "responses", "204")).toEqual({ description: expect.any(String) });
    const self = operation("get", "/api/v1/openapi.json");
    expect(at(self, "security")).toEqual([]);
    expect(Object.keys(at(self, "responses") as object)).toEqual(["200", "500"]);
    expect(doc.info).toMatchObject({ title: "Tollgate", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it("refuses a schema that is not an exported contract, and a path whose parameters the params schema does not name", () => {
    const base = API_OPERATIONS.find((op) => op.id === "getWorkflow")!;
    expect(() => buildOpenApiDocument([{ ...base, response: z.object({ id: z.string() }) }])).toThrow(/not exported/);
    expect(() => buildOpenApiDocument([{ ...base, path: "/api/v1/workflows/{workflowId}" }])).toThrow(/names \{workflowId\}/);
  });
});
