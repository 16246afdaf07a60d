import { describe, expect, it } from "vitest";
import { compileArgumentValidator } from "./compile-argument-validator";
import { describeSchemaErrors } from "./describe-schema-errors";

const problemsOf = (schema: object, data: unknown) => {
  const check = compileArgumentValidator({ schema });
  if (!check.validate) throw new Error(check.problem);
  check.validate(data);
  return describeSchemaErrors({ errors: check.validate.errors ?? [], data, owner: "the test contract" });
};

describe("describeSchemaErrors", () => {
  it("names nested paths with array indexes and quoted odd keys", () => {
    const schema = {
      type: "object",
      properties: { items: { type: "array", items: { type: "object", properties: { "unit.price": { type: "number", maximum: 10 } } } } },
    };
    expect(problemsOf(schema, { items: [{ "unit.price": 1 }, { "unit.price": 99 }] })).toEqual([
      { path: 'items[1]["unit.price"]', message: 'arguments.items[1]["unit.price"] = 99 must be <= 10 (maximum in the test contract)' },
    ]);
  });

  it("lists the allowed values of an enum", () => {
    const schema = { type: "object", properties: { permission: { enum: ["read", "write"] } } };
    expect(problemsOf(schema, { permission: "admin" })).toEqual([
      {
        path: "permission",
        message: 'arguments.permission must be equal to one of the allowed values: "read", "write" (enum in the test contract)',
      },
    ]);
  });

  it("never echoes a string value, which may be the secret at stake", () => {
    const schema = { type: "object", properties: { note: { type: "string", maxLength: 5 } } };
    const [problem] = problemsOf(schema, { note: "sk_live_abcdefghijklmnop" });
    expect(problem?.message).toBe("arguments.note must NOT have more than 5 characters (maxLength in the test contract)");
  });

  it("reports a wrong root type against the arguments as a whole, and at most 10 problems", () => {
    expect(problemsOf({ type: "array" }, {})).toEqual([{ path: "", message: "arguments must be array (type in the test contract)" }]);
    const many = { type: "object", required: Array.from({ length: 15 }, (_, i) => `f${i}`) };
    expect(problemsOf(many, {})).toHaveLength(10);
  });
});
