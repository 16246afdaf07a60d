import { describe, expect, it } from "vitest";
import { findSensitiveSpans } from "./find-sensitive-spans";
import type { TKeyHint } from "./types";

// Whole positives of every kind (several at the edge of a survey threshold), pieces of them and the
// usual look-alikes, glued at random: the survey that lets detectors skip a string must never make
// them skip a match, whatever surrounds it.
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const WHOLE = [
  "4111111111111111",
  "4222222222222",
  "4111 1111 1111 1111",
  "3782-822463-10005",
  "30569309025904",
  "DE89370400440532013000",
  "DE89 3704 0044 0532 0130 00",
  "NO9386011117947",
  "LV80BANK0000435195001",
  "+44 20 7946 0958",
  "+14155552671",
  "(415) 555-2671",
  "(415) 555 2671",
  "415.555.2671",
  "1-800-555-0199",
  "536-22-1234",
  "536221234",
  "536 22 1234",
  "ada@example.com",
  "a.b+c@mail.example.co.uk",
  `${b64url({ alg: "abc" })}.${b64url({ sub: "42" })}.sig`,
  `${b64url({ alg: "none" })}.e30.`,
  "AKIAIOSFODNN7EXAMPLE",
  "ghp_aB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW1xY3zA5",
  "xoxb-123456789012-aB3dE5fG7h",
  "sk_live_aB3dE5fG7hJ9kL2m",
  "sk-aB3dE5fG7hJ9kL2mN4pQ",
  "AIzaSyDaB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW1x",
  "tg_a1b2c3d4e5_aB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW1xY3zA5bC7dE9f",
  "postgres://app:hunter2@db",
  "Bearer a.b.c.d.e.f.g.h.i.j1",
  "Bearer 8f3a9c2e7b1d4f6a0e5c",
  "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----",
  "020 7946 0958",
  "06 12 34 56 78",
  "(11) 91234-5678",
  "03-1234-5678",
  "SSN 536 22 1234",
  "password=hunter2!",
  '"client_secret": "k3J9xQ2mV8pL5wR1tY7uB4nC6"',
  "Authorization: Basic dXNlcjpodW50ZXIy",
  "mysql -u root -p'S3cret'",
  "ada%40example.com",
  "jürgen@beispiel.de",
  "1001,4111111111111111,",
  "4111.1111.1111.1111",
  "whsec_aB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW1xY3z",
  "123456789:AAaB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW1xY3z",
];
const PIECES = [
  " ",
  "-",
  ".",
  ",",
  ":",
  "/",
  "(",
  ")",
  "+",
  "@",
  "_",
  "=",
  "\n",
  "a",
  "Z",
  "7",
  "4111",
  "1111",
  "3782",
  "DE89",
  "3704",
  "GB29",
  "NWBK",
  "+1",
  "415",
  "555",
  "2671",
  "536",
  "22",
  "1234",
  "000",
  "666",
  "example.com",
  "2x.png",
  "git",
  "eyJ",
  "AKIA",
  "sk-",
  "tg_",
  "://",
  "Bearer ",
  "-----BEGIN ",
  "ORD-2024-000123",
  "2024-03-15T10:20:30Z",
  "1234.56",
  "v1.2.3",
  "Customer",
  "é",
  "😀",
  "020",
  "7946",
  "0958",
  "Tel: ",
  "ssn ",
  "password",
  "=",
  "'",
  '"',
  "%40",
  "-p",
  "key",
  "token",
];
const FRAGMENTS = [...WHOLE, ...PIECES];
const HINTS: TKeyHint[] = [null, null, null, "ssn", "phone", { judge: "password", kind: "password" }, { judge: "secret", kind: "secret" }];

let seed = 2024;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const sample = () =>
  Array.from({ length: 1 + Math.floor(random() * 24) }, () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]).join("");

describe("findSensitiveSpans", () => {
  it("finds exactly what running every detector finds, on 20,000 random strings", () => {
    let withFindings = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = sample();
      const hint = HINTS[i % HINTS.length]!;
      const exhaustive = findSensitiveSpans({ text, hint, exhaustive: true });
      expect(findSensitiveSpans({ text, hint }), text).toEqual(exhaustive);
      if (exhaustive.length > 0) withFindings++;
    }
    // The check means something only if many samples do contain findings.
    expect(withFindings).toBeGreaterThan(10_000);
  });

  it("returns sorted, non-overlapping spans, the higher-priority kind winning an overlap", () => {
    const text = "dsn postgres://app:hunter2@db.example.com and Bearer 8f3a9c2e7b1d4f6a0e5c9b2d7f1a3e6c";
    const spans = findSensitiveSpans({ text });
    expect(spans.map((s) => s.kind)).toEqual(["url-password", "bearer-token"]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });

  it("keeps a private key whole rather than the tokens inside it", () => {
    const text = `-----BEGIN PRIVATE KEY-----\nAKIAIOSFODNN7EXAMPLE ada@example.com\n-----END PRIVATE KEY-----`;
    expect(findSensitiveSpans({ text })).toEqual([{ kind: "private-key", start: 0, end: text.length }]);
  });
});
