import { describe, expect, it } from "vitest";
import { RULE_OF_REASON } from "@/lib/contracts/decisions";
import { eventLabel, formatMs, REASON_LABELS, reasonLabel } from "./labels";

describe("run labels", () => {
  it("names every reason code the gate gives, and shows an unknown one as it is", () => {
    expect(Object.keys(REASON_LABELS).sort()).toEqual(Object.keys(RULE_OF_REASON).sort());
    expect(reasonLabel("tool_not_allowed")).toBe("Tool not on the allowlist");
    expect(reasonLabel("from_the_future")).toBe("from_the_future");
    expect(eventLabel("from_the_future").text).toBe("from_the_future");
  });

  it("formats latencies and run lengths for a table cell", () => {
    expect(formatMs(850)).toBe("850 ms");
    expect(formatMs(1_234)).toBe("1.2 s");
    expect(formatMs(42_000)).toBe("42 s");
    expect(formatMs(185_000)).toBe("3 min 05 s");
    expect(formatMs(3_900_000)).toBe("1 h 05 min");
  });
});
