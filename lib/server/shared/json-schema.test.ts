import { describe, expect, it } from "vitest";
import { jsonSchemaProblems } from "./json-schema";

const nestedSchema = (depth: number): object => {
  let schema: object = { type: "string" };
  for (let i = 0; i < depth; i++) schema = { type: "object", properties: { a: schema } };
  return schema;
};

describe("jsonSchemaProblems", () => {
  it("refuses a schema nested 5,000 deep naming the depth limit, never quoting a stack overflow", () => {
    const problems = jsonSchemaProblems(nestedSchema(5_000), "argumentSchema");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/deeper than 64 levels/);
    expect(JSON.stringify(problems)).not.toMatch(/call stack/i);
  });

  it("still checks and compiles ordinary schemas", () => {
    expect(jsonSchemaProblems(nestedSchema(10), "argumentSchema")).toEqual([]);
    expect(jsonSchemaProblems({ type: "nope" }, "argumentSchema")[0]?.path).toBe("argumentSchema");
  });
});
