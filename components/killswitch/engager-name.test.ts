import { describe, expect, it } from "vitest";
import { engagerName } from "./engager-name";

const person = {
  engagedBy: { id: "u1", name: "Casey Ciso", email: "ciso@example.test" },
  engagedByType: "user",
  engagedByLabel: "ciso@example.test",
} as const;
const breaker = { engagedBy: null, engagedByType: "system", engagedByLabel: "breaker tool-error-rate" } as const;
const token = { engagedBy: null, engagedByType: "service", engagedByLabel: "billing-agent (tg_ab12)" } as const;

describe("engagerName", () => {
  it("names a person by name, email or both", () => {
    expect(engagerName(person, "name")).toBe("Casey Ciso");
    expect(engagerName(person, "email")).toBe("ciso@example.test");
    expect(engagerName(person, "name-and-email")).toBe("Casey Ciso (ciso@example.test)");
  });

  it("names Tollgate itself and a service token by their labels, however asked", () => {
    for (const show of ["name", "email", "name-and-email"] as const) {
      expect(engagerName(breaker, show)).toBe("Tollgate (breaker tool-error-rate)");
      expect(engagerName(token, show)).toBe("service token billing-agent (tg_ab12)");
    }
  });
});
