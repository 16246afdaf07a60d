import { describe, expect, it } from "vitest";
import { scanForSensitiveData } from "@/lib/server/dlp/scan-for-sensitive-data";
import { passesLuhn } from "@/lib/server/dlp/detect-card-numbers";
import { DEMO_TOOLS } from "../demo-data";
import { createRandom } from "./random";
import { VALID_ARGUMENTS, cardNumber, faultyArguments } from "./tool-arguments";

const tags = (value: unknown) => [...scanForSensitiveData({ value, maxFindings: 5 }).tags];
const TOOLS_WITH_TEXT = ["email.send", "slack.message.post", "jira.issue.create", "kb.search"];

describe("the demo fleet's arguments", () => {
  it("covers catalog tools only", () => {
    const catalog = new Set<string>(DEMO_TOOLS.map((t) => t.key));
    expect(Object.keys(VALID_ARGUMENTS).filter((tool) => !catalog.has(tool))).toEqual([]);
  });

  it("well-formed calls carry no card numbers, and leaked ones are found by DLP", () => {
    const random = createRandom(9);
    for (let i = 0; i < 60; i++) {
      for (const [tool, make] of Object.entries(VALID_ARGUMENTS)) expect(tags(make(random)), tool).not.toContain("PCI");
      for (const tool of TOOLS_WITH_TEXT) {
        expect(tags(faultyArguments(tool, "card-in-text", random)), tool).toContain("PCI");
        expect(tags(faultyArguments(tool, "email-in-text", random)), tool).toContain("PII");
      }
    }
  });

  it("draws Luhn-valid card numbers", () => {
    const random = createRandom(3);
    for (let i = 0; i < 100; i++) expect(passesLuhn(cardNumber(random).replaceAll(" ", ""))).toBe(true);
  });

  it("breaks a call's contract by dropping or mistyping a field, and goes over the workflows' caps", () => {
    const random = createRandom(11);
    const broken = faultyArguments("jira.issue.create", "contract", random);
    expect(broken).not.toEqual(expect.objectContaining({ project: expect.any(String), summary: expect.any(String) }));
    expect(faultyArguments("stripe.refund", "over-limit", random)?.amount).toBeGreaterThan(50_000);
    expect(faultyArguments("netsuite.payment.create", "over-limit", random)?.amount).toBeGreaterThan(25_000);
    expect(faultyArguments("kb.search", "over-limit", random)).toBeNull();
  });
});
