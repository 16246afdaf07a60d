import { describe, expect, it } from "vitest";
import { scanForSensitiveData } from "./scan-for-sensitive-data";

const found = (value: string) => scanForSensitiveData({ value }).findings.map((f) => `${f.kind}:${value.slice(f.start, f.end)}`);

describe("e-mail addresses", () => {
  it.each([
    ["alice@example.com", "alice@example.com"],
    ["Reply to Bob.Smith+billing@mail.example.co.uk today", "Bob.Smith+billing@mail.example.co.uk"],
    ["<carol_o.neil@example-corp.io>", "carol_o.neil@example-corp.io"],
    ["mailto:ERIN@EXAMPLE.ORG?subject=refund", "ERIN@EXAMPLE.ORG"],
    ["Contact dave-99@sub.example.travel.", "dave-99@sub.example.travel"],
    ['{"to":"frank%ops@example.de"}', "frank%ops@example.de"],
    ["Unicode local part: jürgen.müller@beispiel.de", "jürgen.müller@beispiel.de"],
    ["an IDN domain: ada@bücher.example", "ada@bücher.example"],
    ["typographic quotes stay outside: “ada@example.com”", "ada@example.com"],
    ["Cyrillic: иван@пример.рф", "иван@пример.рф"],
    ["percent-encoded: /invite?email=ada%40example.com&x=1", "ada%40example.com"],
    [
      "fully encoded: ?to=ada%2Bbilling%40%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.%D1%80%D1%84",
      "ada%2Bbilling%40%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.%D1%80%D1%84",
    ],
  ])("finds the address in %s", (text, address) => {
    expect(found(text)).toEqual([`email:${address}`]);
  });

  it("finds several addresses in one string", () => {
    expect(found("cc: a.b@example.com, c.d@example.org")).toEqual(["email:a.b@example.com", "email:c.d@example.org"]);
  });

  it.each([
    ["a retina asset name", "logo@2x.png"],
    ["a versioned bundle", "chunk@1.2.3.js"],
    ["a package specifier", "npm i @scope/pkg@1.2.3"],
    ["a social handle", "ping @alice on chat"],
    ["a host without a domain", "root@localhost"],
    ["an SSH remote", "git@github.com:org/repo.git"],
    ["an SSH URL", "ssh://git@github.com/org/repo.git"],
    ["an obfuscated address", "alice at example dot com"],
    ["a numeric top-level domain", "user@10.0.0.1"],
    ["an encoded fragment", "%20%40%20"],
  ])("ignores %s", (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  it("tags e-mail addresses as PII", () => {
    expect([...scanForSensitiveData({ value: ["alice@example.com"] }).tags]).toEqual(["PII"]);
  });
});
