import { describe, expect, it } from "vitest";
import { seededRandom, TOKEN_FORMATS } from "@/test/fixtures/dlp/synthetic-values";
import { scanForSensitiveData } from "./scan-for-sensitive-data";
import { hasBase62CrcChecksum } from "./token-checksums";

const found = (value: string) => scanForSensitiveData({ value }).findings.map((f) => `${f.kind}:${value.slice(f.start, f.end)}`);

// Fakes are assembled at run time so secret scanners do not flag this file.
const fake = (...parts: string[]) => parts.join("");
const BASE62 = "aB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW1xY3zA5bC7dE9fG2hJ4kL6mN8pQ0rS2tU4vW6xY8z";
const body = (length: number) => BASE62.repeat(Math.ceil(length / BASE62.length)).slice(0, length);
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const JWT = `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ sub: "1234567890", name: "Ada" })}.${body(43)}`;
const random = seededRandom(3);
const token = (format: string) => TOKEN_FORMATS[format]!(random);
const PEM_BODY = `\n${body(64)}\n${body(64)}\n${body(20)}==\n`;

describe("credentials", () => {
  it.each([
    ["aws-access-key", fake("AKIA", "Q3EGRIUZ5TWK7PLM")],
    ["aws-access-key", fake("ASIA", "Y34FZKBOKMUTVV7A")],
    ["aws-session-token", token("awsSessionToken")],
    ["github-token", token("github")],
    ["github-token", token("github")],
    ["github-token", fake("github_pat_", "11ABCDEFG0", body(12), "_", body(59))],
    ["slack-token", fake("xoxb-", "123456789012-1234567890123-", body(24))],
    ["slack-token", fake("xoxp-", "123456789012-123456789012-123456789012-", body(32))],
    ["stripe-key", fake("sk_live_", body(24))],
    ["stripe-key", fake("rk_live_", body(24))],
    ["stripe-key", fake("sk_test_", body(99))],
    ["stripe-webhook-secret", token("stripeWebhook")],
    ["gitlab-token", token("gitlab")],
    ["npm-token", token("npm")],
    ["pypi-token", token("pypi")],
    ["huggingface-token", token("huggingface")],
    ["azure-client-secret", token("azureClientSecret")],
    ["slack-token", token("slackApp")],
    ["slack-webhook", token("slackWebhook")],
    ["twilio-key", token("twilio")],
    ["sendgrid-key", token("sendgrid")],
    ["mailgun-key", token("mailgun")],
    ["shopify-token", token("shopify")],
    ["vault-token", token("vault")],
    ["digitalocean-token", token("digitalocean")],
    ["telegram-bot-token", token("telegram")],
    ["sentry-token", token("sentry")],
    ["google-oauth-secret", token("googleOauthSecret")],
    ["google-oauth-token", token("googleOauthToken")],
    ["api-token", token("databricks")],
    ["api-token", token("atlassian")],
    ["api-token", token("dockerHub")],
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

  it("needs the published checksum: a ghp_ or npm_ token whose CRC-32 fails was never issued", () => {
    const github = token("github");
    expect(hasBase62CrcChecksum(github)).toBe(true);
    const broken = github.slice(0, -1) + (github.endsWith("0") ? "1" : "0");
    expect(found(broken)).toEqual([]);
    const npm = token("npm");
    expect(found(npm.slice(0, 10) + (npm[10] === "a" ? "b" : "a") + npm.slice(11))).toEqual([]);
  });

  it.each([
    ["the AWS documentation's key id", fake("AKIA", "IOSFODNN7EXAMPLE")],
    ["the AWS documentation's secret key", fake("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY", "EXAMPLEKEY")],
    ["Stripe's documentation key", fake("sk_test_", "4eC39HqLyjWDarjtT1zdp7dc")],
    ["a masked Stripe key", fake("sk_live_", "xxxxxxxxxxxxxxxxxxxxxxxx")],
    ["an AWS key id of X's", fake("AKIA", "XXXXXXXXXXXXXXXX")],
    ["a ghp_ filler", fake("ghp_", "x".repeat(36))],
    ["a placeholder URL", "postgres://USER:PASSWORD@HOST:5432/DB"],
    ["an instruction", "OPENAI_API_KEY=<paste your key here>"],
  ])("treats %s as a placeholder, not a secret", (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ["an env file", "PGPASSWORD=Tr0ub4dor&3 psql -h db", "password:Tr0ub4dor&3"],
    ["YAML", "db:\n  password: hunter2!\n", "password:hunter2!"],
    ["JSON", '{"client_secret": "9fT2kQ8vX1mZ4pL7wR3yB6nC0dH5sJ"}', "secret:9fT2kQ8vX1mZ4pL7wR3yB6nC0dH5sJ"],
    ["a connection string", "Server=sql;User ID=app;Password=S3cret!pw;Encrypt=true", "password:S3cret!pw"],
    ["a mysql command", "mysql -u root -p'S3cret!pw' orders", "password:S3cret!pw"],
    ["Python settings", "SECRET_KEY = 'k3J9xQ2mV8pL5wR1tY7uB4nC6'", "secret:k3J9xQ2mV8pL5wR1tY7uB4nC6"],
    ["a header", "X-Api-Key: 8f3a9c2e7b1d4f6a0e5c9b2d", "secret:8f3a9c2e7b1d4f6a0e5c9b2d"],
    ["basic auth", "Authorization: Basic dXNlcjpodW50ZXIy", "basic-auth:dXNlcjpodW50ZXIy"],
    [
      "an AWS secret key by name",
      fake("aws_secret_access_key=", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdo"),
      "aws-secret-key:Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdo",
    ],
  ])("finds a secret by its name in %s", (_label, text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ["a template reference", "password: ${DB_PASSWORD}"],
    ["a placeholder", "secret: <changeme>"],
    ["a default word", "password: changeme"],
    ["prose", "password: must be at least 12 characters"],
    ["a token type", '"token_type": "Bearer"'],
    ["a page token", "next_page_token=aB3dE5fG7hJ9kL2mN4pQ6rS8"],
    ["a secret's name", 'secret_name: "prod/db/credentials"'],
    ["a reset URL", "password_reset_url: https://app.example.com/reset"],
    ["a sort key", "sort_key=aB3dE5fG7hJ9kL2mN4pQ6"],
    ["an env variable's name", "DB_PASSWORD=$PGPASS"],
  ])("does not take %s for a secret", (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  it("judges a value by its key: a password key's value is a password, a token key's needs randomness", () => {
    const kinds = (value: unknown) => scanForSensitiveData({ value }).findings.map((f) => f.kind);
    expect(kinds({ password: "hunter2!" })).toEqual(["password"]);
    expect(kinds({ apiKey: "aB3dE5fG7hJ9kL2mN4pQ6rS8" })).toEqual(["secret"]);
    expect(kinds({ apiKey: "${OPENAI_API_KEY}", password: "", token_type: "Bearer", max_tokens: "4096" })).toEqual([]);
    expect(kinds({ headers: { Authorization: "Basic dXNlcjpodW50ZXIy" } })).toEqual(["basic-auth"]);
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
