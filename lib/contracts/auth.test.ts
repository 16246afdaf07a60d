import { describe, expect, it } from "vitest";
import { describeSignInError, encodeSignInError, safeCallbackPath, throttledSeconds, ZSignInInput } from "./auth";

describe("ZSignInInput", () => {
  it("trims and lower-cases the email", () => {
    expect(ZSignInInput.parse({ email: "  Ada@Example.COM ", password: "x" })).toEqual({ email: "ada@example.com", password: "x" });
  });

  it("rejects a malformed email or an empty password", () => {
    expect(ZSignInInput.safeParse({ email: "ada", password: "x" }).success).toBe(false);
    expect(ZSignInInput.safeParse({ email: "ada@example.com", password: "" }).success).toBe(false);
  });
});

describe("sign-in errors", () => {
  const now = new Date("2026-01-01T00:00:00.000Z");
  const at = (ms: number) => new Date(now.getTime() + ms);

  it("encodes a wait in whole seconds, rounded up", () => {
    expect(encodeSignInError({ reason: "throttled", retryAt: at(1_200), now })).toBe("throttled:2");
    expect(encodeSignInError({ reason: "account_throttled", retryAt: at(-5), now })).toBe("account_throttled:1");
    expect(encodeSignInError({ reason: "invalid_credentials" })).toBe("invalid_credentials");
  });

  it("describes waits in seconds or minutes", () => {
    expect(describeSignInError("throttled:1")).toBe("Too many failed sign-in attempts from your network. Try again in 1 second.");
    expect(describeSignInError("throttled:4")).toBe("Too many failed sign-in attempts from your network. Try again in 4 seconds.");
    expect(describeSignInError("account_throttled:900")).toBe(
      "Too many failed sign-in attempts for this email from many places. Try again in 15 minutes.",
    );
    expect(describeSignInError("throttled:61")).toMatch(/Try again in 2 minutes\.$/);
  });

  it("reads the wait back out of a throttled error only", () => {
    expect(throttledSeconds("throttled:12")).toBe(12);
    expect(throttledSeconds("account_throttled:900")).toBe(900);
    expect(throttledSeconds("invalid_credentials")).toBeNull();
    expect(throttledSeconds("throttled:12x")).toBeNull();
    expect(throttledSeconds(null)).toBeNull();
  });

  it("uses one message for unknown emails and wrong passwords", () => {
    expect(describeSignInError("invalid_credentials")).toBe("Email or password is incorrect.");
    expect(describeSignInError("CredentialsSignin")).toBe("Email or password is incorrect.");
  });

  it("covers next-auth's codes and anything unexpected, and is silent without an error", () => {
    expect(describeSignInError("OAuthCallback")).toMatch(/Single sign-on failed/);
    expect(describeSignInError("<script>")).toBe("Sign-in failed. Try again.");
    expect(describeSignInError(null)).toBeNull();
    expect(describeSignInError("")).toBeNull();
  });
});

describe("safeCallbackPath", () => {
  const origin = "http://localhost:3000";
  const safe = (value: string | null) => safeCallbackPath({ value, origin });

  it("keeps same-origin paths and absolute URLs on this origin", () => {
    expect(safe("/workflows?status=active#top")).toBe("/workflows?status=active#top");
    expect(safe("http://localhost:3000/approvals")).toBe("/approvals");
  });

  it.each([
    null,
    "",
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "http://localhost:3001/x",
    "/ok\n",
  ])("sends %j home", (value) => {
    expect(safe(value)).toBe("/");
  });

  it("never returns to the sign-in page or an auth endpoint", () => {
    expect(safe("/sign-in?callbackUrl=%2F")).toBe("/");
    expect(safe("/api/auth/signout")).toBe("/");
    expect(safe("/sign-in-help")).toBe("/sign-in-help");
  });
});
