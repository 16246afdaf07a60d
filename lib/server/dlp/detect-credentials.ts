import "server-only";
import type { TCredentialKind, TTextMatch } from "./types";

type TRule = {
  kind: TCredentialKind;
  /** Literal substrings one of which every match contains: a cheap `includes` before the regex. */
  hints: readonly string[];
  pattern: RegExp;
  /** Capture group holding the secret when the match carries context (`Bearer `, `user:`); needs the `d` flag. */
  group?: number;
  valid?: (secret: string) => boolean;
};

const hasDigit = (s: string) => /[0-9]/.test(s);
const hasLetter = (s: string) => /[A-Za-z]/.test(s);
// Random keys mix cases and digits; slugs such as `sk-learn-linear-regression` do not.
const looksRandom = (s: string) => hasDigit(s) && /[a-z]/.test(s) && /[A-Z]/.test(s);

// Tokens from one issuer share one header, so verdicts are memoised (bounded, short headers only).
const HEADER_VERDICTS = new Map<string, boolean>();

function hasJoseHeader(token: string): boolean {
  const header = token.slice(0, token.indexOf("."));
  const known = HEADER_VERDICTS.get(header);
  if (known !== undefined) return known;
  const verdict = header.length <= 2048 && decodesToJoseHeader(header);
  if (header.length <= 256) {
    if (HEADER_VERDICTS.size >= 1024) HEADER_VERDICTS.clear();
    HEADER_VERDICTS.set(header, verdict);
  }
  return verdict;
}

function decodesToJoseHeader(header: string): boolean {
  const json = Buffer.from(header, "base64url").toString("utf8");
  // Most look-alikes fail here, before JSON.parse can throw: exceptions cost microseconds each.
  if (!json.startsWith("{") || !json.endsWith("}") || !json.includes('"alg"')) return false;
  try {
    const decoded: unknown = JSON.parse(json);
    return typeof decoded === "object" && decoded !== null && typeof (decoded as { alg?: unknown }).alg === "string";
  } catch {
    return false;
  }
}

// Masks and template variables (`****`, `${DB_PASSWORD}`, an earlier redaction) are not passwords.
const PLACEHOLDER_PASSWORD = /^(?:\*+|x+|\[REDACTED[^\]]*\]|\$\{.*\}|\{\{.*\}\}|<[^>]*>|\$[A-Z_][A-Z0-9_]*|%s)$/i;

// Every token pattern is bounded on both sides by characters the token itself cannot contain, so
// greedy classes stop at the first outsider and never backtrack across a run.
const RULES: readonly TRule[] = [
  { kind: "aws-access-key", hints: ["AKIA", "ASIA"], pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g },
  {
    kind: "github-token",
    hints: ["gh", "github_pat_"],
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})(?![A-Za-z0-9_])/g,
  },
  { kind: "slack-token", hints: ["xox"], pattern: /(?<![A-Za-z0-9_-])xox[abprs]-[A-Za-z0-9-]{20,}(?![A-Za-z0-9_-])/g, valid: hasDigit },
  { kind: "stripe-key", hints: ["k_live_", "k_test_"], pattern: /(?<![A-Za-z0-9_])[rs]k_(?:live|test)_[A-Za-z0-9]{16,}(?![A-Za-z0-9_])/g },
  { kind: "anthropic-key", hints: ["sk-ant-"], pattern: /(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g },
  { kind: "openai-key", hints: ["sk-"], pattern: /(?<![A-Za-z0-9_-])sk-(?!ant-)[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g, valid: looksRandom },
  { kind: "google-api-key", hints: ["AIza"], pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g },
  { kind: "tollgate-token", hints: ["tg_"], pattern: /(?<![A-Za-z0-9_-])tg_[a-z0-9]{10}_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g },
  {
    kind: "jwt",
    hints: ["eyJ"],
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{15,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*(?![A-Za-z0-9_-])/g,
    valid: hasJoseHeader,
  },
  {
    kind: "bearer-token",
    hints: ["earer", "EARER"],
    pattern: /(?<![A-Za-z0-9])(?:[Bb]earer|BEARER)[ \t]+([A-Za-z0-9._~+/-]{20,}=*)(?![A-Za-z0-9._~+/=-])/dg,
    group: 1,
    valid: (token) => hasDigit(token) && hasLetter(token),
  },
  {
    kind: "url-password",
    hints: ["://"],
    pattern: /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s:/?#@]{0,256}:([^\s/?#@]{1,256})@/dg,
    group: 1,
    valid: (password) => !PLACEHOLDER_PASSWORD.test(password),
  },
];

const TRIGGER = /AKIA|ASIA|gh[pousr]_|github_pat_|xox[abprs]-|k_live_|k_test_|sk-|AIza|tg_|eyJ|earer|EARER|:\/\/|-----BEGIN /;
const PEM_BEGIN = /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;

function detectPrivateKeys(text: string, out: TTextMatch[]): void {
  PEM_BEGIN.lastIndex = 0;
  for (let match = PEM_BEGIN.exec(text); match; match = PEM_BEGIN.exec(text)) {
    const footer = text.indexOf("-----END ", PEM_BEGIN.lastIndex);
    const close = footer < 0 ? -1 : text.indexOf("-----", footer + 9);
    // A header without its footer is a truncated key, still secret: redact to the end.
    const end = close < 0 ? text.length : close + 5;
    out.push({ kind: "private-key", start: match.index, end });
    PEM_BEGIN.lastIndex = end;
  }
}

/**
 * Appends API keys, tokens, JWTs, private keys and URL passwords found in `text` to `out`. Every
 * key and token format needs a run of 20 token characters (a JWT's header names an `alg` of at least
 * three letters), which lets callers skip this on ordinary prose.
 */
export function detectCredentials(options: { text: string; out: TTextMatch[] }): void {
  const { text, out } = options;
  if (!TRIGGER.test(text)) return;
  if (text.includes("-----BEGIN ")) detectPrivateKeys(text, out);
  for (const rule of RULES) {
    if (!rule.hints.some((hint) => text.includes(hint))) continue;
    const { pattern, group, valid } = rule;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const span: readonly [number, number] | undefined = group === undefined ? [match.index, pattern.lastIndex] : match.indices?.[group];
      if (!span || (valid && !valid(text.slice(span[0], span[1])))) continue;
      out.push({ kind: rule.kind, start: span[0], end: span[1] });
    }
  }
}
