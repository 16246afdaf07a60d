import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS, type TApiOperation } from "@/lib/contracts/api-catalog";

const API_ROOT = fileURLToPath(new URL(".", import.meta.url));
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route module under app/api/v1 with the catalog path its folder serves (`[id]` is `{id}`). */
function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name.startsWith("[...") ? [] : routeFiles(path.join(dir, entry.name));
    return entry.name === "route.ts" ? [path.join(dir, entry.name)] : [];
  });
}
const pathOf = (file: string) =>
  `/api/v1/${path.relative(API_ROOT, path.dirname(file)).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");

type TServed = { key: string; operation: unknown };

/** What the route modules serve: each exported method's handler and the catalog entry it was defined from. */
async function served(): Promise<TServed[]> {
  const modules = await Promise.all(
    routeFiles(API_ROOT).map(async (file) => ({
      route: pathOf(file),
      module: (await import(/* @vite-ignore */ file)) as Record<string, unknown>,
    })),
  );
  return modules.flatMap(({ route, module }) =>
    METHODS.flatMap((method) => {
      const handler = module[method];
      const operation = typeof handler === "function" && "operation" in handler ? handler.operation : undefined;
      return operation ? [{ key: `${method} ${route}`, operation }] : [];
    }),
  );
}

/** Every difference between the catalog's console operations and what the route modules serve; empty when they agree. */
function drift(operations: readonly TApiOperation[], routes: readonly TServed[]): string[] {
  const listed = new Map(operations.map((op) => [`${op.method} ${op.path}`, op]));
  const byKey = new Map(routes.map((r) => [r.key, r]));
  return [
    ...routes
      .filter((r) => listed.get(r.key) !== r.operation)
      .map((r) => `${r.key} is served from an entry that is not the catalog's ${r.key}`),
    ...[...listed.keys()].filter((key) => !byKey.has(key)).map((key) => `${key} is in the catalog but no route module serves it`),
  ];
}

// Runtime operations are served by the front door's node:http routes, which are built from their entries.
const consoleOperations = API_OPERATIONS.filter((op) => op.auth !== "token");

describe("the route modules under app/api/v1", () => {
  it("serve exactly the catalog's console operations, each at its path and method, defined from its entry", async () => {
    const routes = await served();
    expect(routes.length).toBeGreaterThan(50);
    expect(drift(consoleOperations, routes)).toEqual([]);
  });

  it("notice an entry no route serves, and a route serving an entry the catalog does not list", async () => {
    const routes = await served();
    const withoutOne = consoleOperations.filter((op) => op.id !== "getWorkflow");
    expect(drift(withoutOne, routes)).toEqual([
      "GET /api/v1/workflows/{id} is served from an entry that is not the catalog's GET /api/v1/workflows/{id}",
    ]);
    const elsewhere = consoleOperations.map((op) => (op.id === "getWorkflow" ? { ...op, path: "/api/v1/flows/{id}" as const } : op));
    expect(drift(elsewhere, routes)).toContain("GET /api/v1/flows/{id} is in the catalog but no route module serves it");
  });
});
