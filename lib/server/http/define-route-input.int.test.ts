import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineOperation } from "@/lib/contracts/api-catalog/operation";
import { ZProblem } from "@/lib/contracts/errors";
import { defineRoute } from "./define-route";

// The edge checks every Next route gets from defineRoute, before its own schema sees the input.

const operation = defineOperation({
  auth: "public",
  id: "testThings",
  method: "POST",
  path: "/api/v1/things/{id}",
  tag: "meta",
  summary: "A test route",
  params: z.object({ id: z.string() }),
  query: z.object({ q: z.string().optional() }),
  body: z.object({ name: z.string() }),
  status: 200,
  errors: [],
});
const route = defineRoute(operation, { handler: async ({ params, body }) => ({ id: params.id, name: body.name }) });
const request = (body: string, query = "") =>
  new Request(`http://localhost/api/v1/things/x${query}`, { method: "POST", body, headers: { "content-type": "application/json" } });
const context = (params: Promise<Record<string, string>>) => ({ params });

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return ZProblem.parse(await response.json());
}

describe("defineRoute's edge checks", () => {
  it("refuses a NUL in the body, the query or a path parameter, naming the field", async () => {
    const inBody = await problemOf(await route(request('{"name":"a\\u0000"}'), context(Promise.resolve({ id: "x" }))));
    expect(inBody).toMatchObject({
      status: 400,
      code: "validation_failed",
      errors: [{ path: "body.name", message: "Contains a NUL character (U+0000), which cannot be stored" }],
    });
    const inQuery = await problemOf(await route(request('{"name":"a"}', "?q=%00"), context(Promise.resolve({ id: "x" }))));
    expect(inQuery.errors?.[0]?.path).toBe("query.q");
    const inParams = await problemOf(await route(request('{"name":"a"}'), context(Promise.resolve({ id: "x\u0000" }))));
    expect(inParams.errors?.[0]?.path).toBe("params.id");
  });

  it("refuses an unpaired surrogate and a body nested past 64 levels", async () => {
    const surrogate = await problemOf(await route(request('{"name":"\\udc00"}'), context(Promise.resolve({ id: "x" }))));
    expect(surrogate.errors?.[0]).toMatchObject({ path: "body.name", message: expect.stringMatching(/unpaired/) });
    const deep = await problemOf(
      await route(request(`{"name":"a","extra":${"[".repeat(5_000)}${"]".repeat(5_000)}}`), context(Promise.resolve({ id: "x" }))),
    );
    expect(deep).toMatchObject({ status: 400, detail: expect.stringMatching(/deeper than 64 levels/) });
  });

  it("answers a path parameter Next could not decode with a 400, not a 500", async () => {
    const undecodable = Promise.reject(new URIError("URI malformed"));
    undecodable.catch(() => {});
    const problem = await problemOf(await route(request('{"name":"a"}'), context(undecodable)));
    expect(problem).toMatchObject({ status: 400, code: "bad_request", detail: expect.stringMatching(/percent-encoding/) });
  });

  it("types the handler's input with the entry's schemas", () => {
    // @ts-expect-error -- the entry's body has a name and nothing else
    defineRoute(operation, { handler: async ({ body }) => body.count });
    // @ts-expect-error -- the entry's params name id, not workflowId
    defineRoute(operation, { handler: async ({ params }) => params.workflowId });
  });

  it("passes clean input through", async () => {
    const response = await route(request('{"name":"ok 😀"}'), context(Promise.resolve({ id: "x" })));
    expect(await response.json()).toEqual({ id: "x", name: "ok 😀" });
  });
});
