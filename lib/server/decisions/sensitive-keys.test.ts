import { describe, expect, it } from "vitest";
import { redactSensitiveData } from "../dlp/redact-sensitive-data";
import { DATA_CLASSES, decideWith, givenSnapshot } from "@/test/fixtures/decisions";

const PAN = "4111111111111111";
const leaks = (value: unknown) => /4111|1111|ada@example/.test(JSON.stringify(value));
// Declares PII only, so a card number anywhere is an undeclared PCI finding.
const snapshot = givenSnapshot({ dataClasses: [DATA_CLASSES.tickets] });

describe("a card number or e-mail used as an object key", () => {
  it("is named in no reason of the argument schema's (rule 4)", () => {
    const decision = decideWith({ snapshot, request: { arguments: { ticketId: "ZD-1", [PAN]: "x" } } });
    expect(decision.reasons).toEqual([
      expect.objectContaining({ rule: 4, code: "arguments_violate_contract", path: '["[REDACTED:card]"]' }),
    ]);
    expect(leaks(decision)).toBe(false);
  });

  it("is named in no reason of DLP's (rule 5)", () => {
    const decision = decideWith({
      snapshot,
      request: { tool: "crm.contact.update", arguments: { contactId: "c-1", fields: { [PAN]: "x" } } },
    });
    expect(decision.reasons).toEqual([expect.objectContaining({ rule: 5, code: "dlp_undeclared_class" })]);
    expect(decision.reasons[0]?.message).toContain('a card number at arguments.fields["[REDACTED:card]"] (in a key)');
    expect(leaks(decision)).toBe(false);
  });

  it("is named in no reason when the finding sits beneath it", () => {
    const args = { contactId: "c-1", fields: { [PAN]: { owner: "ada@example.com" } } };
    const decision = decideWith({ snapshot, request: { tool: "crm.contact.update", arguments: args } });
    expect(decision.reasons.map((r) => r.code)).toContain("dlp_undeclared_class");
    expect(leaks(decision)).toBe(false);
  });

  it("is not echoed by a numeric limit's reason when the number is a card number", () => {
    const decision = decideWith({
      snapshot,
      request: { tool: "stripe.refund", arguments: { chargeId: "ch_1", currency: "USD", amount: Number(PAN) } },
    });
    expect(decision.reasons.map((r) => r.code)).toContain("arguments_violate_constraints");
    expect(leaks(decision.reasons)).toBe(false);
    const small = decideWith({ request: { tool: "stripe.refund", arguments: { chargeId: "ch_1", currency: "USD", amount: 60_000 } } });
    expect(JSON.stringify(small.reasons)).toContain("= 60000");
  });

  it("is redacted in stored arguments and events, keys included", () => {
    const redacted = redactSensitiveData({ value: { fields: { [PAN]: { "ada@example.com": 1 } } } });
    expect(redacted.value).toEqual({ fields: { "[REDACTED:card:…1111]": { "[REDACTED:email]": 1 } } });
    expect(JSON.stringify(redacted.value)).not.toMatch(/4111111|ada@example/);
  });
});
