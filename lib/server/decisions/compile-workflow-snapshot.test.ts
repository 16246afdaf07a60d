import { describe, expect, it } from "vitest";
import { compileWorkflowSnapshot } from "./compile-workflow-snapshot";
import { decideWith, DATA_CLASSES, givenRecord, givenSnapshot, TOOLS } from "@/test/fixtures/decisions";

describe("compileWorkflowSnapshot", () => {
  it("summarises the declared data: tags, the sensitivity each tag carries, the highest one", () => {
    const snapshot = givenSnapshot({ dataClasses: [DATA_CLASSES.tickets, DATA_CLASSES.cards] });
    expect([...snapshot.declaredTags].sort()).toEqual(["PCI", "PII"]);
    expect(Object.fromEntries(snapshot.tagSensitivity)).toEqual({ PII: "RESTRICTED", PCI: "RESTRICTED" });
    expect(snapshot.highestSensitivity).toBe("RESTRICTED");
    expect(givenSnapshot({ dataClasses: [] }).highestSensitivity).toBeNull();
  });

  it("compiles each distinct argument schema once, shared by every workflow that uses it", () => {
    const a = givenSnapshot();
    const b = compileWorkflowSnapshot({ record: structuredClone(givenRecord({ id: "other", key: "other-flow" })), registryVersion: "r43" });
    const validator = (s: typeof a, key: string) => s.tools.get(key)?.contract.validate;
    expect(validator(a, "stripe.refund")).toBeTypeOf("function");
    expect(validator(b, "stripe.refund")).toBe(validator(a, "stripe.refund"));
    expect(b.tools.get("stripe.refund")?.constraints?.validate).toBe(a.tools.get("stripe.refund")?.constraints?.validate);
  });

  it("is frozen", () => {
    const snapshot = givenSnapshot();
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot.tools.get("stripe.refund"))).toBe(true);
    expect(Object.isFrozen(snapshot.cedarProblems)).toBe(true);
  });

  it("ignores a contract's $id, so a new version under the same $id still compiles", () => {
    const v1 = { ...TOOLS.ticketRead.argumentSchema, $id: "https://tollgate.example/tools/ticket-read" };
    const v2 = { ...v1, properties: { ticketId: { type: "string", minLength: 3 } } };
    const tool = (argumentSchema: object) => [
      { ...TOOLS.ticketRead, argumentSchema, argumentConstraints: null, ratePerMinute: null, tier: "T0" as const },
    ];
    expect(givenSnapshot({ tools: tool(v1) }).tools.get("zendesk.ticket.read")?.contract.problem).toBeNull();
    const snapshot = givenSnapshot({ tools: tool(v2) });
    expect(snapshot.tools.get("zendesk.ticket.read")?.contract.problem).toBeNull();
    expect(decideWith({ snapshot, request: { arguments: { ticketId: "ZD" } } }).reasons[0]?.message).toBe(
      "arguments.ticketId must NOT have fewer than 3 characters (minLength in contract of tool zendesk.ticket.read)",
    );
  });

  it("denies every call to a tool whose contract cannot be compiled (fail closed)", () => {
    const tools = [
      {
        ...TOOLS.ticketRead,
        argumentSchema: { type: "object", properties: { ticketId: { type: "no-such-type" } } },
        argumentConstraints: null,
        ratePerMinute: null,
        tier: "T0" as const,
      },
    ];
    const decision = decideWith({ snapshot: givenSnapshot({ tools }) });
    expect(decision.reasons).toHaveLength(1);
    expect(decision.reasons[0]).toMatchObject({ rule: 4, code: "arguments_violate_contract" });
    expect(decision.reasons[0]?.message).toMatch(/^The contract of tool zendesk\.ticket\.read cannot be enforced: it does not compile/);
  });
});
