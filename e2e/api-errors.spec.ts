import { expect, test } from "@playwright/test";
import { DEMO, signInByApi } from "./support/session";

const PROBLEM = "application/problem+json";

test.describe("the /api/v1 error envelope", () => {
  test("refuses a request with no session as problem+json 401", async ({ request }) => {
    const response = await request.get("/api/v1/users");
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toBe(PROBLEM);
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 401, code: "unauthenticated", instance: "/api/v1/users" });
    expect(problem.requestId).toBe(response.headers()["x-request-id"]);
  });

  test("answers an unknown route with problem+json 404", async ({ request }) => {
    const response = await request.post("/api/v1/no/such/thing", { data: {} });
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toBe(PROBLEM);
    expect(await response.json()).toMatchObject({ code: "not_found", detail: "There is no API endpoint at /api/v1/no/such/thing" });
  });

  test("answers a wrong method with problem+json 405 and Allow", async ({ request }) => {
    const response = await request.delete("/api/v1/users");
    expect(response.status()).toBe(405);
    expect(response.headers()["allow"]).toBe("GET, POST");
    expect(await response.json()).toMatchObject({ code: "method_not_allowed" });
  });

  test("names each invalid field and changes nothing", async ({ request }) => {
    await signInByApi(request, DEMO.ADMIN);
    const before = (await (await request.get("/api/v1/users")).json()) as { users: unknown[] };
    const response = await request.post("/api/v1/users", { data: { email: "not-an-email", name: "", password: "short", roles: ["ROOT"] } });
    expect(response.status()).toBe(400);
    const problem = await response.json();
    expect(problem.code).toBe("validation_failed");
    const paths = (problem.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["body.email", "body.password", "body.roles.0"]));
    const after = (await (await request.get("/api/v1/users")).json()) as { users: unknown[] };
    expect(after.users.length).toBe(before.users.length);
  });

  test("refuses malformed JSON and oversized bodies precisely", async ({ request }) => {
    await signInByApi(request, DEMO.ADMIN);
    const malformed = await request.post("/api/v1/users", {
      data: Buffer.from("{not json"),
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).detail).toMatch(/not valid JSON/);
    const huge = await request.post("/api/v1/users", {
      data: JSON.stringify({ email: "big@example.com", name: "x".repeat(2_000_000), password: "long-enough-password", roles: ["AUDITOR"] }),
      headers: { "content-type": "application/json" },
    });
    expect(huge.status()).toBe(413);
    expect((await huge.json()).code).toBe("payload_too_large");
  });

  test("reports health: database reachable, migrations applied", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "reachable", migrations: { pending: [] } });
  });
});
