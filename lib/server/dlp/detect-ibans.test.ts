import { describe, expect, it } from "vitest";
import { passesMod97 } from "./detect-ibans";
import { scanForSensitiveData } from "./scan-for-sensitive-data";

const found = (value: string) => scanForSensitiveData({ value }).findings.map((f) => `${f.kind}:${value.slice(f.start, f.end)}`);

// Example IBANs published in the SWIFT IBAN registry and national bank documentation.
const REGISTRY_EXAMPLES = [
  "AD1200012030200359100100",
  "AE070331234567890123456",
  "AT611904300234573201",
  "BE68539007547034",
  "BG80BNBG96611020345678",
  "CH9300762011623852957",
  "CY17002001280000001200527600",
  "CZ6508000000192000145399",
  "DE89370400440532013000",
  "DK5000400440116243",
  "EE382200221020145685",
  "ES9121000418450200051332",
  "FI2112345600000785",
  "FR1420041010050500013M02606",
  "GB29NWBK60161331926819",
  "GI75NWBK000000007099453",
  "GR1601101250000000012300695",
  "HR1210010051863000160",
  "HU42117730161111101800000000",
  "IE29AIBK93115212345678",
  "IL620108000000099999999",
  "IS140159260076545510730339",
  "IT60X0542811101000000123456",
  "LI21088100002324013AA",
  "LT121000011101001000",
  "LU280019400644750000",
  "LV80BANK0000435195001",
  "MC5811222000010123456789030",
  "MT84MALT011000012345MTLCAST001S",
  "NL91ABNA0417164300",
  "NO9386011117947",
  "PL61109010140000071219812874",
  "PT50000201231234567890154",
  "RO49AAAA1B31007593840000",
  "SA0380000000608010167519",
  "SE4550000000058398257466",
  "SI56263300012039086",
  "SK3112000000198742637541",
  "SM86U0322509800000000270100",
  "TR330006100519786457841326",
];

describe("IBANs", () => {
  it.each(REGISTRY_EXAMPLES)("finds %s", (iban) => {
    expect(found(iban)).toEqual([`iban:${iban}`]);
  });

  it("finds the printed form in groups of four, lower case, and inside sentences", () => {
    expect(found("DE89 3704 0044 0532 0130 00")).toEqual(["iban:DE89 3704 0044 0532 0130 00"]);
    expect(found("Please wire it to GB29 NWBK 6016 1331 9268 19 by Friday.")).toEqual(["iban:GB29 NWBK 6016 1331 9268 19"]);
    expect(found("iban: fr14 2004 1010 0505 0001 3m02 606")).toEqual(["iban:fr14 2004 1010 0505 0001 3m02 606"]);
    expect(found("from NL91ABNA0417164300 to BE68539007547034")).toEqual(["iban:NL91ABNA0417164300", "iban:BE68539007547034"]);
  });

  it("finds an IBAN right after a look-alike that swallowed it", () => {
    expect(found("AB12 DE89 3704 0044 0532 0130 00")).toEqual(["iban:DE89 3704 0044 0532 0130 00"]);
  });

  it("needs the mod-97 check: IBAN-shaped strings with a wrong checksum are not flagged", () => {
    expect(passesMod97("DE89370400440532013001")).toBe(false);
    expect(found("DE89370400440532013001")).toEqual([]);
    expect(found("DE88 3704 0044 0532 0130 00")).toEqual([]);
    expect(found("GB28NWBK60161331926819")).toEqual([]);
    expect(found("NL91ABNA0417164301")).toEqual([]);
  });

  it("needs the per-country BBAN structure: a mod-97-valid GB number with digits for the bank code is not flagged", () => {
    expect(passesMod97("GB58123460161331926819")).toBe(true);
    expect(found("GB58123460161331926819")).toEqual([]);
  });

  it.each([
    ["one character short", "DE8937040044053201300"],
    ["glued to more characters", "DE89370400440532013000ABC"],
    ["an unknown country", "XX89370400440532013000"],
    ["an order id", "ORD-2024-000123"],
    ["a SKU", "SKU12-ABCD-EFGH-IJKL"],
    ["a product code", "AB12CDEF3456789012"],
    ["a UUID", "123e4567-e89b-12d3-a456-426614174000"],
    ["a git SHA", "de89f02d0ae598e95dc970b74767f19372d61af8"],
  ])("ignores %s", (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  it("tags IBANs as PII: bank accounts are personal data, outside PCI DSS", () => {
    expect([...scanForSensitiveData({ value: "DE89370400440532013000" }).tags]).toEqual(["PII"]);
  });
});
