import { describe, expect, it } from "vitest";
import { redactWebhookUrl } from "./redact-webhook-url";

describe("redactWebhookUrl", () => {
  it("hides the tokens that chat services put in the path and query, keeping the host and short words", () => {
    expect(redactWebhookUrl("https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/xoxAbCdEfGhIjKlMnOpQrStUv")).toBe(
      "https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/…StUv",
    );
    expect(redactWebhookUrl("https://pager.example.com/hooks/tollgate?key=abc")).toBe("https://pager.example.com/hooks/tollgate?…");
  });
});
