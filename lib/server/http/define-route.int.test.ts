import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineOperation } from "@/lib/contracts/api-catalog/operation";
import { ZProblem } from "@/lib/contracts/errors";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors";
import { defineRoute } from "./define-route";
import { routes } from "./method-table";

const context = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/api/v1/things", { method: "POST", body, headers });

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return ZProblem.parse(await response.json());
}

// What every test route shares; each test adds the auth, schemas, status or audit it is about.
const entry = {
  auth: "public",
  id: "testThings",
  method: "POST",
  path: "/api/v1/things",
  tag: "meta",
  summary: "A test route",
  status: 200,
  errors: [],
} as const;

const echo = defineRoute(defineOperation({ ...entry, body: z.object({ name: z.string().min(3), count: z.number().int().positive() }) }), {
  maxBodyBytes: 200,
  handler: async ({ body }) => ({ received: body }),
});

afterEach(() => vi.restoreAllMocks());

describe("defineRoute input handling", () => {
  it("passes a valid body to the handler", async () => {
    const response = await echo(post(JSON.stringify({ name: "abc", count: 2 })), context());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: { name: "abc", count: 2 } });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("names every invalid field", async () => {
    const response = await echo(post(JSON.stringify({ name: "a", count: -1 })), context());
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ status: 400, code: "validation_failed", instance: "/api/v1/things" });
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["body.count", "body.name"]);
    expect(problem.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("refuses malformed JSON, a wrong content type, an empty and an oversized body", async () => {
    expect(await problemOf(await echo(post("{nope"), context()))).toMatchObject({ status: 400, code: "bad_request" });
    expect(await problemOf(await echo(post("name=x", { "content-type": "application/x-www-form-urlencoded" }), context()))).toMatchObject({
      status: 415,
    });
    expect(await problemOf(await echo(post(""), context()))).toMatchObject({ status: 400 });
    const big = JSON.stringify({ name: "x".repeat(500), count: 1 });
    expect(await problemOf(await echo(post(big), context()))).toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it("counts streamed bytes when the client under-declares content-length", async () => {
    const big = JSON.stringify({ name: "x".repeat(500), count: 1 });
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(big)), c.close()) });
    const request = new Request("http://localhost/api/v1/things", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect((await echo(request, context())).status).toBe(413);
  });

  it("validates params and query", async () => {
    const operation = defineOperation({
      ...entry,
      method: "GET",
      path: "/api/v1/things/{id}",
      params: z.object({ id: z.uuid() }),
      query: z.object({ limit: z.coerce.number().int().max(100) }),
    });
    const route = defineRoute(operation, { handler: async ({ params, query }) => ({ params, query }) });
    const bad = await route(new Request("http://localhost/api/v1/things/x?limit=500"), context({ id: "x" }));
    expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["params.id"]);
    const id = "7d0c2a8e-4a6b-4f0e-9a53-1f1f1f1f1f1f";
    const badQuery = await route(new Request("http://localhost/api/v1/things/x?limit=500"), context({ id }));
    expect((await problemOf(badQuery)).errors?.map((e) => e.path)).toEqual(["query.limit"]);
  });
});

describe("defineRoute errors", () => {
  it("shows expected errors and hides unexpected ones", async () => {
    const expected = defineRoute(entry, {
      handler: async () => {
        throw new AppError("conflict", "Version 3 is newer than yours");
      },
    });
    expect(await problemOf(await expected(new Request("http://localhost/x"), context()))).toMatchObject({
      status: 409,
      detail: "Version 3 is newer than yours",
    });

    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const unexpected = defineRoute(entry, {
      handler: async () => {
        throw new Error("password=hunter2 at db.internal:5432");
      },
    });
    const response = await unexpected(new Request("http://localhost/x"), context());
    const text = await response.clone().text();
    expect(response.status).toBe(500);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("db.internal");
    const problem = await problemOf(response);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(problem.requestId));
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("hunter2"));
  });

  it("answers an unsupported method with 405 and Allow", async () => {
    const list = defineRoute(defineOperation({ ...entry, method: "GET" }), { handler: async () => [] });
    const table = routes(list, echo);
    expect(table.GET).toBe(list);
    expect(table.POST).toBe(echo);
    const response = await table.DELETE(new Request("http://localhost/api/v1/things", { method: "DELETE" }), context());
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect((await problemOf(response)).code).toBe("method_not_allowed");
  });

  it("refuses a route file that defines one method twice", () => {
    expect(() => routes(echo, echo)).toThrow("/api/v1/things defines POST twice");
  });
});

describe("defineRoute audit", () => {
  it("rolls back a change whose route forgot its audit event", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const forgetful = defineRoute(defineOperation({ ...entry, audit: "user.unlocked" }), {
      handler: async ({ tx }) => tx.user.create({ data: { email: "ghost@example.com", name: "Ghost", roles: ["AUDITOR"] } }),
    });
    expect((await forgetful(new Request("http://localhost/x", { method: "POST" }), context())).status).toBe(500);
    expect(await db.user.count({ where: { email: "ghost@example.com" } })).toBe(0);
  });

  it("commits a change together with its audit event, tagged with the request id", async () => {
    const audited = defineRoute(defineOperation({ ...entry, audit: "user.unlocked", status: 201 }), {
      handler: async ({ tx, actor }) => {
        const user = await tx.user.create({ data: { email: "kept@example.com", name: "Kept", roles: ["AUDITOR"] } });
        await recordAuditEvent(tx, actor, { action: "user.unlocked", target: { type: "user", id: user.id }, data: {} });
        return { id: user.id };
      },
    });
    const response = await audited(
      new Request("http://localhost/x", { method: "POST", headers: { "x-request-id": "req-abc-12345" } }),
      context(),
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: id } });
    expect(event).toMatchObject({ action: "user.unlocked", requestId: "req-abc-12345", actorType: "anonymous" });
  });

  it("commits a change that records either of the events its entry names, and refuses one that records neither", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const either = (action: "user.unlocked" | "user.disabled.changed" | null) =>
      defineRoute(defineOperation({ ...entry, audit: ["user.unlocked", "user.disabled.changed"] }), {
        handler: async ({ tx, actor }) => {
          const user = await tx.user.create({ data: { email: `${action ?? "none"}@example.com`, name: "Either", roles: ["AUDITOR"] } });
          if (action === "user.disabled.changed")
            await recordAuditEvent(tx, actor, { action, target: { type: "user", id: user.id }, data: { before: false, after: true } });
          if (action === "user.unlocked") await recordAuditEvent(tx, actor, { action, target: { type: "user", id: user.id }, data: {} });
          return { id: user.id };
        },
      });
    const post = () => new Request("http://localhost/x", { method: "POST" });
    expect((await either("user.disabled.changed")(post(), context())).status).toBe(200);
    expect((await either("user.unlocked")(post(), context())).status).toBe(200);
    expect((await either(null)(post(), context())).status).toBe(500);
    expect(await db.user.count({ where: { email: "none@example.com" } })).toBe(0);
  });
});
