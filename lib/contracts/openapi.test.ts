import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS, type TApiOperation } from "./api-catalog";
import { buildOpenApiDocument, jsonSchemaOf } from "./openapi";
import { ZProblem } from "./errors";
import { ZWorkflowKey } from "./registry";
import { ZCreateWorkflow, ZWorkflowDetail } from "./workflows";

const API_ROOT = fileURLToPath(new URL("../../app/api/v1", import.meta.url));

/** What a route file declares for one method, read from its source text; `imports` maps a local name to [contract module, export]. */
type TRouteMethod = { key: string; fields: Record<string, string | undefined>; imports: Map<string, [string, string]> };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name.startsWith("[...") ? [] : routeFiles(path.join(dir, entry.name));
    return entry.name === "route.ts" ? [path.join(dir, entry.name)] : [];
  });
}

function readRoute(file: string): TRouteMethod[] {
  const text = readFileSync(file, "utf8");
  const route = `/api/v1/${path.relative(API_ROOT, path.dirname(file)).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
  const imports = new Map<string, [string, string]>();
  for (const [, names = "", contract = ""] of text.matchAll(/import\s*\{([^}]+)\}\s*from\s*"@\/lib\/contracts\/([\w-]+)"/g)) {
    for (const name of names.split(",").map((n) => n.trim().replace(/^type\s+/, "")).filter(Boolean)) {
      const [exported = name, local = exported] = name.split(/\s+as\s+/);
      imports.set(local, [contract, exported]);
    }
  }
  const table = text.slice(text.indexOf("methods({"));
  const starts = [...table.matchAll(/\b(GET|POST|PUT|PATCH|DELETE):\s*defineRoute\(\{/g)];
  const keys = [...table.matchAll(/\b(GET|POST|PUT|PATCH|DELETE):/g)];
  if (!text.includes("methods({") || !starts.length || keys.length !== starts.length) throw new Error(`${file}: declare each method as methods({ GET: defineRoute({ … }) })`);
  return starts.map((start, i) => {
    const block = table.slice(start.index, starts[i + 1]?.index ?? table.length).split("handler:")[0] ?? "";
    const field = (name: string) => block.match(new RegExp(`\\b${name}: ([^,\\n}]+)`))?.[1]?.trim().replace(/^"(.*)"$/, "$1");
    const fields = Object.fromEntries(["auth", "permission", "scope", "params", "query", "body", "status"].map((name) => [name, field(name)]));
    return { key: `${start[1]} ${route}`, fields, imports };
  });
}

async function schemaNamed(route: TRouteMethod, name: string | undefined): Promise<unknown> {
  if (!name) return undefined;
  const [contract, exported] = route.imports.get(name) ?? [];
  if (!/^Z\w+$/.test(name) || !contract || !exported) return `${name} (not a schema imported from lib/contracts)`;
  return ((await import(/* @vite-ignore */ `./${contract}.ts`)) as Record<string, unknown>)[exported];
}

/** Every difference between the catalog and what the route files declare; empty when they agree. */
async function drift(operations: readonly TApiOperation[]): Promise<string[]> {
  const routes = new Map(routeFiles(API_ROOT).flatMap(readRoute).map((r) => [r.key, r]));
  const listed = new Map(operations.map((op) => [`${op.method} ${op.path}`, op]));
  const problems = [
    ...[...routes.keys()].filter((key) => !listed.has(key)).map((key) => `${key} has a route but no catalog entry`),
    ...[...listed.keys()].filter((key) => !routes.has(key)).map((key) => `${key} is in the catalog but no route implements it`),
  ];
  for (const [key, op] of listed) {
    const route = routes.get(key);
    if (!route) continue;
    const declared = { auth: op.auth, permission: "permission" in op ? op.permission : undefined, scope: "scope" in op ? op.scope : undefined };
    for (const [name, value] of Object.entries(declared)) {
      if (route.fields[name] !== value) problems.push(`${key}: the route's ${name} is ${route.fields[name]}, the catalog's ${value}`);
    }
    if (Number(route.fields.status ?? 200) !== op.status) problems.push(`${key}: the route answers ${route.fields.status ?? 200}, the catalog says ${op.status}`);
    for (const part of ["params", "query", "body"] as const) {
      const used = await schemaNamed(route, route.fields[part]);
      if (used !== op[part]) problems.push(`${key}: the route's ${part} is ${route.fields[part] ?? "absent"}, which is not the catalog's schema`);
    }
  }
  return problems;
}

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

  it("lists exactly the routes under app/api/v1, with their auth, status and the very schemas they validate with", async () => {
    // Runtime operations are served by the front door's node:http routes, which are built from them.
    expect(await drift(API_OPERATIONS.filter((op) => op.tag !== "runtime"))).toEqual([]);
  });

  it("notices a route missing from the catalog, and a catalog entry whose schema is not the route's", async () => {
    const withoutOne = API_OPERATIONS.filter((op) => op.id !== "getWorkflow");
    expect(await drift(withoutOne)).toContain("GET /api/v1/workflows/{id} has a route but no catalog entry");
    const swapped = API_OPERATIONS.map((op) => (op.id === "createWorkflow" ? { ...op, body: ZCreateWorkflow.extend({}) } : op));
    expect(await drift(swapped)).toContain("POST /api/v1/workflows: the route's body is ZCreateWorkflow, which is not the catalog's schema");
  });

  it("describes POST /api/v1/workflows: its body with the key pattern, 201 with the detail, and its problems", () => {
    const create = operation("post", "/api/v1/workflows");
    expect(create).toMatchObject({ operationId: "createWorkflow", security: [{ sessionCookie: [] }], "x-tollgate-permission": "workflows:create" });
    const body = resolve(at(create, "requestBody", "content", "application/json", "schema", "$ref"));
    expect(at(body, "properties", "key")).toEqual(jsonSchemaOf(ZWorkflowKey, "input"));
    expect(at(body, "properties", "key", "pattern")).toBe("^[a-z0-9]+(?:-[a-z0-9]+)*$");
    expect(at(body, "required")).toEqual(["key", "name", "purpose", "environment"]); // the rest have defaults
    expect(resolve(at(create, "responses", "201", "content", "application/json", "schema", "$ref"))).toEqual(jsonSchemaOf(ZWorkflowDetail, "output"));
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
