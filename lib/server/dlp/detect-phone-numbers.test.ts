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
    "+55 11 91234-5678",
    "+81 90-1234-5678",
    "+1.415.555.2671",
    "0044 20 7946 0958",
    "(415) 555-2671",
    "(415)555-2671",
    "415-555-2671",
    "415.555.2671",
    "1-800-555-0199",
  ])("finds %s", (phone) => {
    expect(found(phone)).toEqual([`phone:${phone}`]);
    expect(found(`Customer asked to be called back on ${phone}, after 5pm.`)).toEqual([`phone:${phone}`]);
  });

  // National formats, grouped as each country prints them: found without a word saying "phone".
  it.each([
    ["UK", "020 7946 0958"],
    ["UK mobile", "07400 123456"],
    ["Germany", "030 901820"],
    ["Germany with a slash", "030/901820"],
    ["France", "06 12 34 56 78"],
    ["France, dotted", "06.12.34.56.78"],
    ["India", "098765 43210"],
    ["Brazil", "(11) 91234-5678"],
    ["Japan", "03-1234-5678"],
    ["Japan mobile", "090-1234-5678"],
  ])("finds a %s number in its national format: %s", (_country, phone) => {
    expect(found(`from ${phone}`)).toEqual([`phone:${phone}`]);
    expect(found(`order ${phone}`)).toEqual([]);
  });

  it("finds a bare or oddly grouped number only when a word or key says it is a phone number", () => {
    expect(found("4155552671")).toEqual([]);
    expect(found("Tel: 4155552671")).toEqual(["phone:4155552671"]);
    expect(found("mobile 01512 3456789")).toEqual(["phone:01512 3456789"]);
    expect(scanForSensitiveData({ value: { phone: "4155552671" } }).findings).toHaveLength(1);
    expect(scanForSensitiveData({ value: { mobileNumber: 4155552671 } }).findings).toHaveLength(1);
  });

  it.each([
    ["an invoice number with a prefix", "INV-415-555-2671"],
    ["an invoice number after the word", "invoice 2024-555-0147"],
    ["a number with area code 1xx", "100-200-3000"],
    ["a longer dashed run", "415-555-2671-88"],
    ["an order id", "ORD-2024-000123"],
    ["an ISO date", "2024-01-15"],
    ["a date and time", "2024-03-15 10:20:30"],
    ["a timestamp with an offset", "2024-01-15T10:00:00+01:00"],
    ["a compact offset", "20240115T100000+0100"],
    ["a signed amount", "+1234.56"],
    ["a large signed amount", "+12345678.90"],
    ["a signed amount with grouping", "+1,234,567.89"],
    ["a bare eleven-digit number", "14155552671"],
    ["a seven-digit local number", "555-2671"],
    ["an IPv4 address", "192.168.100.200"],
    ["a semantic version", "10.4.12"],
    ["a ZIP+4 code", "zip 94105-1234"],
    ["an SSN-shaped number", "536-22-1234"],
    ["a thousands grouping", "1 234 567"],
    ["too many digits after +", "+1234567890123456"],
    ["too few digits after +", "+1234567"],
    ["a fictional number outside every numbering plan", "555-123-4567"],
  ])("ignores %s", (_label, text) => {
    expect(found(text).filter((f) => f.startsWith("phone:"))).toEqual([]);
  });

  it("tags phone numbers as PII", () => {
    expect([...scanForSensitiveData({ value: { phone: "+44 20 7946 0958" } }).tags]).toEqual(["PII"]);
  });
});
