import { describe, expect, it } from "vitest";
import { redactSensitiveData } from "./redact-sensitive-data";
import { scanForSensitiveData } from "./scan-for-sensitive-data";

// Every pattern is linear; these inputs are built to make a backtracking or quadratic one blow up.
// The bound is generous on purpose (a linear pass over 1 MB takes a few ms): it catches blow-ups,
// not slow machines. Best of three, so one scheduling hiccup on a shared runner does not fail it.
const MB = 1_000_000;
const BOUND_MS = 200;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const FRAGMENTS = [
  "4111",
  " ",
  "-",
  "@",
  "a",
  ".",
  "+1",
  "(",
  ")",
  "DE89",
  "eyJ",
  "://",
  ":",
  "-----BEGIN ",
  "PRIVATE KEY-----",
  "sk-",
  "Bearer ",
  "0",
  "9",
  "_",
  "AKIA",
  "xoxb-",
  "tg_",
  "A",
];
let fuzz = "";
while (fuzz.length < MB) fuzz += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];

const INPUTS: [string, string][] = [
  ["one long word", fill("a")],
  ["one long digit run", fill("1")],
  ["single digits and spaces", fill("1 ")],
  ["card-like groups with spaces", fill("4111 ")],
  ["card-like groups with hyphens", fill("4111-")],
  ["SSN-like fragments", fill("123-45-")],
  ["phone-like fragments", fill("415-555-")],
  ["plus signs and digits", fill("+1 ")],
  ["unclosed parentheses after +", fill("+1 (2")],
  ["at signs", fill("a@")],
  ["an endless domain", ` a@${fill("ab.")}`],
  ["an endless local part", `${fill("a.b.c")}@`],
  ["many short addresses", fill("a@b.co ")],
  ["JWT-like segments", fill("eyJhbGciOiJIUzI1NiJ9.")],
  ["huge JWT-like segments", `eyJ${fill("a")}.${fill("b")}.`],
  ["PEM headers without footers", fill("-----BEGIN PRIVATE KEY-----")],
  ["scheme separators", fill("a://:")],
  ["a URL with an endless user", `http://${fill("a")}`],
  ["URLs with long passwords and no host", fill(`http://u:${"p".repeat(300)}`)],
  ["IBAN prefixes", fill("DE89 ")],
  ["IBAN-like words", fill("AB12 CDEF ")],
  ["sk- slugs", `sk-${fill("a-")}`],
  ["Bearer words", fill("Bearer ")],
  ["one huge bearer token", `Bearer ${fill("a1")}`],
  ["GitHub prefixes", fill("ghp_")],
  ["random trigger fragments", fuzz],
  ["secret names without values", fill("password=")],
  ["secret names with quotes", fill('"api_key": "')],
  ["endless values after a name", `token=${fill("a1B2")}`],
  ["operators alone", fill("=:>")],
  ["CLI flags", fill(" --password ")],
  ["mysql flags", `mysql ${fill(" -p'a")}`],
  ["percent-encoded at signs", fill("a%40")],
  ["Unicode letters around at signs", fill("ü@é.")],
  ["hex runs", fill("0123456789abcdef")],
  ["hex runs with dashes", fill(`${"a".repeat(32)}-`)],
  ["Telegram-like fragments", fill("123456789:AA")],
  ["Azure-like fragments", fill("abc1Q~")],
  ["Slack webhook hosts", fill("hooks.slack.com/")],
  ["phone candidates in parentheses", fill("(020) ")],
  ["dates in runs", fill("2024-03-15 ")],
  ["SSN words and digits", fill("SSN 123 45 ")],
];

function bestOfThree(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe("adversarial input", () => {
  it.each(INPUTS)(`scans and redacts 1 MB of %s in under ${BOUND_MS} ms`, (_label, text) => {
    expect(bestOfThree(() => scanForSensitiveData({ value: text }))).toBeLessThan(BOUND_MS);
    expect(bestOfThree(() => redactSensitiveData({ value: text }))).toBeLessThan(BOUND_MS);
  });

  it("handles 100,000 distinct keys and a 100,000-element array", () => {
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`field_${i}`, `value ${i}`]));
    const long = Array.from({ length: 100_000 }, (_, i) => `order ORD-2024-${String(i).padStart(6, "0")}`);
    expect(bestOfThree(() => scanForSensitiveData({ value: { wide, long } }))).toBeLessThan(BOUND_MS * 2);
    expect(bestOfThree(() => redactSensitiveData({ value: { wide, long } }))).toBeLessThan(BOUND_MS * 2);
  });
});
