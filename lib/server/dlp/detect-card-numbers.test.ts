import { describe, expect, it } from "vitest";
import { passesLuhn } from "./detect-card-numbers";
import { scanForSensitiveData } from "./scan-for-sensitive-data";

const found = (value: string) => scanForSensitiveData({ value }).findings.map((f) => `${f.kind}:${value.slice(f.start, f.end)}`);

describe("card numbers", () => {
  it.each([
    ["Visa", "4111111111111111"],
    ["Visa (Stripe test card)", "4242424242424242"],
    ["Visa, 13 digits", "4222222222222"],
    ["Visa, 19 digits", "4111111111111111003"],
    ["Mastercard", "5555555555554444"],
    ["Mastercard 2-series", "2223003122003222"],
    ["American Express", "378282246310005"],
    ["Discover", "6011000990139424"],
    ["Diners Club", "30569309025904"],
    ["JCB", "3566002020360505"],
    ["UnionPay", "6200000000000005"],
  ])("finds a bare %s number", (_brand, number) => {
    expect(found(number)).toEqual([`card:${number}`]);
  });

  it.each(["4111 1111 1111 1111", "4111-1111-1111-1111", "3782 822463 10005", "3056 930902 5904", "4111 1111 1111 1111 003"])(
    "finds printed groups: %s",
    (number) => {
      expect(found(number)).toEqual([`card:${number}`]);
    },
  );

  it("finds cards inside sentences, beside other numbers", () => {
    expect(found("Customer read out 4242 4242 4242 4242, exp 12/29, cvc 123.")).toEqual(["card:4242 4242 4242 4242"]);
    expect(found("card=5555555555554444&amount=1200")).toEqual(["card:5555555555554444"]);
    expect(found("ref 2024 4111 1111 1111 1111 thanks")).toEqual(["card:4111 1111 1111 1111"]);
    expect(found("(4111111111111111)")).toEqual(["card:4111111111111111"]);
    // CSV rows and other punctuation a card sits against.
    expect(found("1001,4111111111111111,12/29")).toEqual(["card:4111111111111111"]);
    expect(found("1001;4242 4242 4242 4242;USD")).toEqual(["card:4242 4242 4242 4242"]);
    expect(found("pan|5555555555554444|mc")).toEqual(["card:5555555555554444"]);
    expect(found("card:4111.1111.1111.1111")).toEqual(["card:4111.1111.1111.1111"]);
  });

  it("needs the Luhn check: a Visa-shaped 16-digit number that fails it is not a card", () => {
    expect(passesLuhn("4111111111111112")).toBe(false);
    expect(found("4111111111111112")).toEqual([]);
    expect(found("4111 1111 1111 1112")).toEqual([]);
    expect(found("5555555555554445")).toEqual([]);
  });

  it("needs the issuer prefix: Luhn-valid numbers from no card network are not cards", () => {
    expect(passesLuhn("1000000000000008")).toBe(true);
    expect(found("1000000000000008")).toEqual([]);
    expect(found("9000000000000001")).toEqual([]);
  });

  it("needs the brand's length: a Luhn-valid 16-digit number with an Amex prefix is not a card", () => {
    expect(passesLuhn("3714496353984314")).toBe(true);
    expect(found("3714496353984314")).toEqual([]);
  });

  it.each([
    ["card digits inside a longer run", "9994111111111111111114"],
    ["card digits at the tail of a longer run", "99411111111111111119"],
    ["an order id", "ORD-2024-000123"],
    ["an order id with a card-like tail", "ORD-4111111111111111"],
    ["a prefixed reference", "ref4111111111111111"],
    ["a UUID", "123e4567-e89b-12d3-a456-426614174000"],
    ["an epoch in milliseconds", "1718000000000"],
    ["a float with 17 significant digits", "0.30000000000000004"],
    ["digits after a decimal point", "amount 12.4111111111111111"],
    ["a signed number", "+4111111111111111"],
    ["an ISO timestamp", "2024-03-15T10:20:30.123Z"],
    ["an amount", "1234.56"],
    ["digit pairs", "41 11 11 11 11 11 11 11"],
    ["a git SHA", "9fceb02d0ae598e95dc970b74767f19372d61af8"],
    ["a 20-digit tracking number", "94001116990045395649"],
  ])("ignores %s", (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});
