import { describe, expect, it } from "vitest";
import { generateWebhookSecret, sealWebhookSecret } from "./webhook-secret";

// This file runs without any server secret; env() reads process.env on first use.
delete process.env.TOLLGATE_SECRET_KEY;
delete process.env.NEXTAUTH_SECRET;

describe("webhook secrets without a server key", () => {
  it("refuses to store a secret, saying which setting is missing", () => {
    expect(() => sealWebhookSecret(generateWebhookSecret(), "00000000-0000-4000-8000-000000000000")).toThrow(
      expect.objectContaining({
        code: "unavailable",
        detail: expect.stringContaining("set TOLLGATE_SECRET_KEY (or NEXTAUTH_SECRET)") as string,
      }),
    );
  });
});
