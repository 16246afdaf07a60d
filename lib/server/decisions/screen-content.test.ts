import { describe, expect, it } from "vitest";
import { CLAUDE, DATA_CLASSES, GPT, MISTRAL, MODELS, givenKillSwitches, givenSnapshot } from "@/test/fixtures/decisions";
import type { TScreenRequestInput } from "@/lib/contracts/screen";
import { screenContent } from "./screen-content";

const GITHUB_LIKE = "Bearer 8f3a9c2e7b1d4f6a0e5c9b2d7f1a3e6c";
const screen = (options: { content: TScreenRequestInput["content"]; model?: string; snapshot?: ReturnType<typeof givenSnapshot> }) =>
  screenContent({
    snapshot: options.snapshot ?? givenSnapshot(),
    killSwitches: givenKillSwitches(),
    tokenEnvironment: "PROD",
    request: { model: options.model ?? CLAUDE, content: options.content, kind: "prompt", runId: "run-1" },
    now: Date.parse("2026-03-15T10:00:00Z"),
  }).response;

describe("screenContent", () => {
  it("always redacts credentials, even for a model approved for everything", () => {
    const result = screen({ content: `call the API with ${GITHUB_LIKE}` });
    expect(result).toMatchObject({ outcome: "redact", content: "call the API with Bearer [REDACTED:bearer-token]", redactions: 1 });
    expect(result.reasons[0]?.message).not.toContain("8f3a9c2e");
  });

  it("redacts personal data the model is not approved for, and keeps what it may carry", () => {
    // Tickets (PII) as CONFIDENTIAL: GPT is approved up to CONFIDENTIAL, Claude up to RESTRICTED.
    const snapshot = givenSnapshot({
      dataClasses: [{ ...DATA_CLASSES.tickets, sensitivity: "RESTRICTED" }],
      models: [MODELS.claude, MODELS.gpt],
    });
    const content = { from: "ada@example.com", body: "please refund" };
    expect(screen({ snapshot, content, model: GPT })).toMatchObject({
      outcome: "redact",
      content: { from: "[REDACTED:email]", body: "please refund" },
      classes: [{ tag: "PII", declared: true, sensitivity: "RESTRICTED", modelApproved: false, action: "redact" }],
    });
    expect(screen({ snapshot, content, model: CLAUDE })).toMatchObject({ outcome: "allow", content });
  });

  it("denies card data that is undeclared, or declared above what the model is approved for", () => {
    const card = "card 4242 4242 4242 4242";
    const ticketsOnly = givenSnapshot({ dataClasses: [DATA_CLASSES.tickets] });
    expect(screen({ snapshot: ticketsOnly, content: card })).toMatchObject({
      outcome: "deny",
      content: null,
      reasons: [{ code: "dlp_undeclared_class" }],
    });
    expect(screen({ content: card, model: GPT })).toMatchObject({
      outcome: "deny",
      reasons: [{ code: "model_not_approved_for_sensitivity" }],
    });
    expect(screen({ content: card })).toMatchObject({ outcome: "allow", content: card });
  });

  it("denies before reading the content when the model is suspended, unlisted or halted", () => {
    expect(screen({ content: "x", model: MISTRAL }).reasons[0]?.code).toBe("model_suspended");
    expect(screen({ content: "x", model: "google/gemini/1" }).reasons[0]?.code).toBe("model_not_approved");
    const halted = screenContent({
      snapshot: givenSnapshot(),
      killSwitches: givenKillSwitches([["PROVIDER", "anthropic"]]),
      tokenEnvironment: "PROD",
      request: { model: CLAUDE, content: "x", kind: "prompt", runId: "run-1" },
      now: 0,
    });
    expect(halted.response).toMatchObject({ outcome: "deny", reasons: [{ code: "kill_switch_engaged" }] });
  });

  it("denies content nested too deep to read", () => {
    let deep: TScreenRequestInput["content"] = "ada@example.com";
    for (let i = 0; i < 40; i++) deep = { next: deep };
    expect(screen({ content: deep }).reasons[0]?.code).toBe("dlp_scan_incomplete");
  });
});
