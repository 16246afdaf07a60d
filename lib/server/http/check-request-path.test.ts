import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { checkRequestPath } from "./check-request-path";

describe("checkRequestPath", () => {
  it("refuses a path that is not valid percent-encoding with a 400", () => {
    for (const target of ["/api/v1/workflows/%E0%A4%A", "/api/v1/users/%", "/api/v1/tools/%zz/x", "/api/v1/workflows/%C0%AF"]) {
      expect(() => checkRequestPath(target), target).toThrow(AppError);
    }
    try {
      checkRequestPath("/api/v1/workflows/%E0%A4%A?x=1");
    } catch (error) {
      expect((error as AppError).code).toBe("bad_request");
    }
  });

  it("lets valid paths through, and leaves the query string to the route", () => {
    for (const target of ["/", "/api/v1/workflows/abc", "/api/v1/workflows/%E0%A4%A4", "/a%20b", "/api/v1/users?q=%zz"]) {
      expect(() => checkRequestPath(target), target).not.toThrow();
    }
  });
});
