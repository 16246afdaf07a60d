import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError } from "./api-error";
import { apiFetch } from "./api-fetch";

const ZThing = z.object({ id: z.string() });

function respondWith(response: Response) {
  const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

const problem = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json" } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("apiFetch", () => {
  it("sends JSON and returns the validated answer", async () => {
    const fetchMock = respondWith(Response.json({ id: "u1", extra: true }, { status: 201 }));
    await expect(
      apiFetch("/api/v1/things", { method: "POST", body: { name: "x" }, query: { a: "1", b: undefined }, schema: ZThing }),
    ).resolves.toEqual({ id: "u1" });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("/api/v1/things?a=1");
    expect(init).toMatchObject({ method: "POST", body: '{"name":"x"}', headers: { "content-type": "application/json" } });
  });

  it("turns problem+json into an ApiError with code, status, detail, field errors and request id", async () => {
    respondWith(
      problem(
        {
          type: "urn:tollgate:problem:validation_failed",
          title: "Your request has invalid fields",
          status: 400,
          code: "validation_failed",
          detail: "The request body has invalid fields",
          requestId: "req-12345678",
          errors: [
            { path: "body.password", message: "Use at least 12 characters" },
            { path: "body.roles.0", message: "Invalid option" },
            { path: "body.roles.1", message: "Second problem, same field" },
          ],
        },
        400,
      ),
    );
    const error = await apiFetch("/api/v1/users", { schema: ZThing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: "validation_failed",
      status: 400,
      detail: "The request body has invalid fields",
      requestId: "req-12345678",
      fieldErrors: { password: "Use at least 12 characters", roles: "Invalid option" },
    });
    expect((error as ApiError).otherFieldErrors(["password"])).toEqual(["roles: Invalid option"]);
  });

  it("falls back to the status when the error body is not a problem document", async () => {
    respondWith(
      new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway", headers: { "x-request-id": "edge-1" } }),
    );
    await expect(apiFetch("/x", { schema: ZThing })).rejects.toMatchObject({
      code: "internal",
      status: 502,
      requestId: "edge-1",
      detail: expect.stringContaining("502 Bad Gateway"),
      fieldErrors: {},
    });
  });

  it("maps a known status without a body to its code", async () => {
    respondWith(new Response(null, { status: 409 }));
    await expect(apiFetch("/x", { schema: ZThing })).rejects.toMatchObject({ code: "conflict", status: 409 });
  });

  it("reports an unreachable server as unavailable", async () => {
    vi.stubGlobal("fetch", vi.fn<typeof fetch>().mockRejectedValue(new TypeError("fetch failed")));
    await expect(apiFetch("/x", { schema: ZThing })).rejects.toMatchObject({ code: "unavailable", status: 0 });
  });

  it("refuses an answer that breaks the contract", async () => {
    respondWith(Response.json({ nope: 1 }));
    await expect(apiFetch("/x", { schema: ZThing })).rejects.toMatchObject({ code: "internal", status: 200 });
  });
});
