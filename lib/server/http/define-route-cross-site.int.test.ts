import { describe, expect, it } from "vitest";
import { defineOperation } from "@/lib/contracts/api-catalog/operation";
import { ZProblem } from "@/lib/contracts/errors";
import { defineRoute } from "./define-route";
import { publicOrigin } from "./public-origin";

const context = { params: Promise.resolve({}) };
let handled = 0;
const entry = {
  id: "testThings",
  method: "POST",
  path: "/api/v1/things",
  tag: "meta",
  summary: "A test route",
  status: 200,
  errors: [],
} as const;
const change = defineRoute(defineOperation({ ...entry, auth: "session", permission: "workflows:edit" }), {
  handler: async () => void handled++,
});
const open = defineRoute(defineOperation({ ...entry, auth: "public", method: "GET" }), { handler: async () => ({ ok: true }) });

const postWith = (headers: Record<string, string>) =>
  new Request("http://localhost/api/v1/things", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: "{}",
  });

describe("defineRoute behind any door", () => {
  it.each([
    ["another site's Origin", { origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
  ])("refuses a session route's change with %s before authenticating, as 403 problem+json", async (_, headers) => {
    const response = await change(postWith(headers), context);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = ZProblem.parse(await response.json());
    expect(problem.code).toBe("cross_site_request");
    expect(problem.detail).toContain(`must come from the console's own origin (${publicOrigin()})`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(handled).toBe(0);
  });

  it("answers with Cache-Control: no-store", async () => {
    const response = await open(new Request("http://localhost/api/v1/things"), context);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
