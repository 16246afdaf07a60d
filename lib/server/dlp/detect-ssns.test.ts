import { describe, expect, it } from "vitest";
import { scanForSensitiveData } from "./scan-for-sensitive-data";

const found = (value: unknown) => scanForSensitiveData({ value }).findings.map((f) => f.kind);
const spans = (value: string) => scanForSensitiveData({ value }).findings.map((f) => `${f.kind}:${value.slice(f.start, f.end)}`);

describe("US social security numbers", () => {
  it.each(["536-22-1234", "SSN: 123-45-6789", "her ssn is 219-09-9999.", '{"ssn":"772-31-0415"}'])(
    "finds the dashed form in %s",
    (text) => {
      expect(found(text)).toEqual(["ssn"]);
    },
  );

  it("finds the exact span", () => {
    expect(spans("applicant 536-22-1234 (verified)")).toEqual(["ssn:536-22-1234"]);
  });

  it("finds bare and spaced forms only under a key that names an SSN", () => {
    expect(found({ ssn: "536221234" })).toEqual(["ssn"]);
    expect(found({ customerSsn: " 536 22 1234 " })).toEqual(["ssn"]);
    expect(found({ social_security_number: 536221234 })).toEqual(["ssn"]);
    expect(found({ applicants: [{ ssn: ["536221234"] }] })).toEqual(["ssn"]);
    expect(found({ zip: "536221234" })).toEqual([]);
    expect(found("536221234")).toEqual([]);
    expect(found({ ssn: "000221234" })).toEqual([]);
  });

  it.each(["SSN 536 22 1234", "SSN#536221234", "social security number: 536.22.1234", "Applicant SS# 536 22 1234 verified"])(
    "finds spaced, dotted and bare forms after a word naming an SSN: %s",
    (text) => {
      expect(found(text)).toEqual(["ssn"]);
    },
  );

  it("needs the word close by: nine digits elsewhere in a text that mentions an SSN are not one", () => {
    expect(found(`SSN on file. ${"Ticket ".repeat(8)}536221234`)).toEqual([]);
    expect(found("ticket 536 22 1234")).toEqual([]);
  });

  it.each([
    ["area 000", "000-12-3456"],
    ["area 666", "666-12-3456"],
    ["area 9xx", "912-34-5678"],
    ["advertising range 987-65-432x", "987-65-4321"],
    ["group 00", "123-00-4567"],
    ["serial 0000", "123-45-0000"],
    ["the voided wallet number", "078-05-1120"],
  ])("needs the range check: %s is not an SSN", (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ["a prefixed id", "ID-123-45-6789"],
    ["a longer run", "123-45-67890"],
    ["a dashed run that continues", "123-45-6789-01"],
    ["an ISO date", "2024-01-15"],
    ["a phone number", "415-555-2671"],
    ["an order id", "ORD-2024-000123"],
  ])("ignores %s", (_label, text) => {
    expect(found(text).filter((kind) => kind === "ssn")).toEqual([]);
  });
});
