import { describe, expect, it } from "vitest";
import { scanForSensitiveData } from "./scan-for-sensitive-data";

const found = (value: string) => scanForSensitiveData({ value }).findings.map((f) => `${f.kind}:${value.slice(f.start, f.end)}`);

// Fakes are assembled at run time so secret scanners do not flag this file.
const fake = (...parts: string[]) => parts.join("");
const BASE62 = "aB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW1xY3zA5bC7dE9fG2hJ4kL6mN8pQ0rS2tU4vW6xY8z";
const body = (length: number) => BASE62.repeat(Math.ceil(length / BASE62.length)).slice(0, length);
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const JWT = `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ sub: "1234567890", name: "Ada" })}.${body(43)}`;
const PEM_BODY = `\n${body(64)}\n${body(64)}\n${body(20)}==\n`;

describe("credentials", () => {
  it.each([
    ["aws-access-key", fake("AKIA", "IOSFODNN7EXAMPLE")],
    ["aws-access-key", fake("ASIA", "Y34FZKBOKMUTVV7A")],
    ["github-token", fake("ghp_", body(36))],
    ["github-token", fake("gho_", body(36))],
    ["github-token", fake("ghs_", body(36))],
    ["github-token", fake("github_pat_", "11ABCDEFG0", body(12), "_", body(59))],
    ["slack-token", fake("xoxb-", "123456789012-1234567890123-", body(24))],
    ["slack-token", fake("xoxp-", "123456789012-123456789012-123456789012-", body(32))],
    ["stripe-key", fake("sk_live_", body(24))],
    ["stripe-key", fake("rk_live_", body(24))],
    ["stripe-key", fake("sk_test_", "4eC39HqLyjWDarjtT1zdp7dc")],
    ["openai-key", fake("sk-", body(48))],
    ["openai-key", fake("sk-proj-", body(40), "-", body(20), "_", body(60))],
    ["anthropic-key", fake("sk-ant-api03-", body(86), "-", body(6), "AA")],
    ["google-api-key", fake("AIza", "SyD", body(28), "-_ab")],
    ["jwt", JWT],
    ["jwt", `${b64url({ alg: "none" })}.${b64url({ sub: "x" })}.`],
    ["tollgate-token", fake("tg_", "a1b2c3d4e5", "_", body(41), "-_")],
  ])("finds a %s: %s", (kind, token) => {
    expect(found(token)).toEqual([`${kind}:${token}`]);
    expect(found(`config: {"key": "${token}"}, rotate it`)).toEqual([`${kind}:${token}`]);
  });

  it("finds the token after Bearer, and names it when its format is known", () => {
    expect(found("Authorization: Bearer 8f3a9c2e7b1d4f6a0e5c9b2d7f1a3e6c")).toEqual(["bearer-token:8f3a9c2e7b1d4f6a0e5c9b2d7f1a3e6c"]);
    expect(found("authorization: bearer dGhpcyBpcyBhIHRva2VuIDEyMw==")).toEqual(["bearer-token:dGhpcyBpcyBhIHRva2VuIDEyMw=="]);
    expect(found(`Bearer ${JWT}`)).toEqual([`jwt:${JWT}`]);
    const tollgate = fake("tg_", "a1b2c3d4e5", "_", body(43));
    expect(found(`Authorization: Bearer ${tollgate}`)).toEqual([`tollgate-token:${tollgate}`]);
  });

  it.each(["RSA ", "EC ", "OPENSSH ", "ENCRYPTED ", "", "DSA "])("finds a %sPRIVATE KEY block whole", (type) => {
    const pem = `-----BEGIN ${type}PRIVATE KEY-----${PEM_BODY}-----END ${type}PRIVATE KEY-----`;
    expect(found(`key:\n${pem}\nthanks`)).toEqual([`private-key:${pem}`]);
  });

  it("finds a PGP private key block, and treats a block cut off before its footer as secret to the end", () => {
    const pgp = `-----BEGIN PGP PRIVATE KEY BLOCK-----${PEM_BODY}-----END PGP PRIVATE KEY BLOCK-----`;
    expect(found(pgp)).toEqual([`private-key:${pgp}`]);
    const cut = `-----BEGIN PRIVATE KEY-----${PEM_BODY}`;
    expect(found(`log line: ${cut}`)).toEqual([`private-key:${cut}`]);
  });

  it("finds only the password in a URL, so the rest stays readable", () => {
    expect(found("postgres://app:hunter2@db.internal:5432/orders")).toEqual(["url-password:hunter2"]);
    expect(found("redis://:s3cr3t-P4ss@cache:6379/0")).toEqual(["url-password:s3cr3t-P4ss"]);
    expect(found("fetch https://deploy:gh0st!writer@registry.example.com/v2/ failed")).toEqual(["url-password:gh0st!writer"]);
  });

  it("needs the JOSE header check: three base64url segments without an `alg` header are not a JWT", () => {
    expect(found(`${b64url({ foo: "bar" })}.${b64url({ baz: 1 })}.c2lnbmF0dXJl`)).toEqual([]);
    expect(found(`eyJub3QganNvbg.${b64url({ sub: "x" })}.${body(20)}`)).toEqual([]);
  });

  it("needs the randomness check: slugs that begin with sk- are not OpenAI keys", () => {
    expect(found("docs/sk-learn-linear-regression-tutorial")).toEqual([]);
    expect(found("sk-hynix-memory-roadmap-overview")).toEqual([]);
  });

  it("needs the placeholder check: masked and templated URL passwords are not secrets", () => {
    expect(found("https://user:****@example.com")).toEqual([]);
    expect(found("postgres://app:${DB_PASSWORD}@db:5432/app")).toEqual([]);
    expect(found("amqp://guest:<password>@mq")).toEqual([]);
    expect(found("https://user:[REDACTED:url-password]@example.com")).toEqual([]);
  });

  it.each([
    ["a base64 blob", "eyJmb28iOiJiYXIifQ=="],
    ["an AWS-like id one character short", fake("AKIA", "IOSFODNN7EXAMP")],
    ["an AWS-like id glued to more characters", fake("AKIA", "IOSFODNN7EXAMPLEX")],
    ["a short ghp_ string", "ghp_shortvalue"],
    ["a Stripe publishable key, which is public by design", fake("pk_live_", body(24))],
    ["Bearer with a word", "The Bearer authentication-scheme-is-required-here"],
    ["Bearer with a short token", "Bearer abc123"],
    ["a public key", `-----BEGIN PUBLIC KEY-----${PEM_BODY}-----END PUBLIC KEY-----`],
    ["a certificate", `-----BEGIN CERTIFICATE-----${PEM_BODY}-----END CERTIFICATE-----`],
    ["a URL with a port and no password", "http://localhost:8080/health"],
    ["a URL with a user and no password", "ssh://git@github.com/org/repo.git"],
    ["a malformed Tollgate token", "tg_short_token"],
    ["a git SHA", "9fceb02d0ae598e95dc970b74767f19372d61af8"],
    ["a UUID", "123e4567-e89b-12d3-a456-426614174000"],
    ["a semantic version", "v10.4.12-beta.1+build.5"],
    ["a Stripe charge id", fake("ch_", "3Nk2aB4c5D6e7F8g9H0i1J2k")],
  ])("ignores %s", (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  it("tags credentials as CREDENTIALS", () => {
    expect([...scanForSensitiveData({ value: { token: JWT } }).tags]).toEqual(["CREDENTIALS"]);
  });
});
