import { describe, expect, it } from "vitest";
import { scanForSensitiveData } from "./scan-for-sensitive-data";

const found = (value: string) => scanForSensitiveData({ value }).findings.map((f) => `${f.kind}:${value.slice(f.start, f.end)}`);

describe("phone numbers", () => {
  it.each([
    "+14155552671",
    "+1 (415) 555-2671",
    "+1 415 555 2671",
    "+44 20 7946 0958",
    "+44 (0) 20 7946 0958",
    "+49 30 901820",
    "+33 1 23 45 67 89",
    "+91 98765 43210",
    "+1.415.555.2671",
    "(415) 555-2671",
    "(415)555-2671",
    "(555) 123 4567",
    "415-555-2671",
    "555-123-4567",
    "415.555.2671",
    "1-800-555-0199",
  ])("finds %s", (phone) => {
    expect(found(phone)).toEqual([`phone:${phone}`]);
    expect(found(`Customer asked to be called back on ${phone}, after 5pm.`)).toEqual([`phone:${phone}`]);
  });

  it.each([
    ["an invoice number with a prefix", "INV-415-555-2671"],
    ["an invoice number with a year", "INV 2024-555-0147"],
    ["a number with area code 1xx", "100-200-3000"],
    ["mixed separators", "415-555.2671"],
    ["a longer dashed run", "415-555-2671-88"],
    ["an order id", "ORD-2024-000123"],
    ["an ISO date", "2024-01-15"],
    ["a timestamp with an offset", "2024-01-15T10:00:00+01:00"],
    ["a compact offset", "20240115T100000+0100"],
    ["a signed amount", "+1234.56"],
    ["a large signed amount", "+12345678.90"],
    ["a signed amount with grouping", "+1,234,567.89"],
    ["a bare eleven-digit number", "14155552671"],
    ["a seven-digit local number", "555-2671"],
    ["an IPv4 address", "192.168.100.200"],
    ["a semantic version", "10.4.12"],
    ["too many digits after +", "+1234567890123456"],
    ["too few digits after +", "+1234567"],
  ])("ignores %s", (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  it("tags phone numbers as PII", () => {
    expect([...scanForSensitiveData({ value: { phone: "+44 20 7946 0958" } }).tags]).toEqual(["PII"]);
  });
});
