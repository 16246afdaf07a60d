import { describe, expect, it } from "vitest";
import { ZCreateWebhookEndpoint, ZUpdateWebhookEndpoint } from "./webhooks";

const valid = { name: "Approvals", url: "https://hooks.slack.com/services/T/B/x", events: ["approval.decided", "approval.created"] };
const messages = (input: unknown) =>
  ZCreateWebhookEndpoint.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("webhook endpoint input", () => {
  it("takes http(s) URLs only, without credentials, and stores events once in a fixed order", () => {
    expect(ZCreateWebhookEndpoint.parse({ ...valid, events: [...valid.events, "approval.created"] })).toEqual({
      ...valid,
      events: ["approval.created", "approval.decided"],
      enabled: true,
    });
    expect(messages({ ...valid, url: "ftp://files.example.com/x" })).toEqual(["url: Enter an http:// or https:// URL"]);
    expect(messages({ ...valid, url: "https://user:pw@example.com/x" })).toEqual([
      "url: Put no credentials in the URL: requests are signed instead",
    ]);
    expect(messages({ ...valid, url: "not a url" })).toEqual(["url: Enter an http:// or https:// URL"]);
    expect(messages({ ...valid, events: [] })).toEqual(["events: Choose at least one event"]);
    expect(messages({ ...valid, events: ["webhook.test"] })).toHaveLength(1);
  });

  it("needs at least one field to update", () => {
    expect(ZUpdateWebhookEndpoint.safeParse({}).error?.issues[0]?.message).toBe("Send at least one of name, url, events or enabled");
    expect(ZUpdateWebhookEndpoint.parse({ enabled: false })).toEqual({ enabled: false });
  });
});
