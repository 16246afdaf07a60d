import "server-only";
import { distinctCharacters, entropyPerCharacter, isPlaceholderSecret } from "./is-placeholder";
import type { TSecretKey } from "./types";

// Masks, template references and words that stand where a password goes: `****`, `${DB_PASSWORD}`,
// `<password>`, `%(pw)s`, `$PGPASS`, `[REDACTED:…]`, `DB_PASSWORD` (an env variable's name).
const PLACEHOLDER_PASSWORD =
  /^(?:\*+|x+|•+|\[REDACTED[^\]]*\]|\$\{.*\}|\{\{.*\}\}|<[^>]*>|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|%s|%\([a-z_]+\)s|:[a-z_]+|pass(?:word)?|passwd|secret|changeme|pwd|none|null|nil|undefined|empty|redacted|hidden|masked|required|optional|true|false)$/i;
const ENV_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

export function isPlaceholderPassword(value: string): boolean {
  return PLACEHOLDER_PASSWORD.test(value) || ENV_NAME.test(value) || isPlaceholderSecret(value);
}

// Values that point at a secret kept elsewhere, or are plainly not one.
const REFERENCE =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|\.\.?\/|~\/|file:|arn:|vault:|secretsmanager|projects\/[^/]+\/secrets\/|@Microsoft\.KeyVault\(|sha(?:1|256|384|512)[-:]|process\.env|os\.environ|env\(|!)/i;
const CALL = /^[A-Za-z_][\w.]*\(.*\)$/;
const WORDS = /^[A-Za-z]+(?:[-_. ][A-Za-z]+)*$/;
const VERSION = /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/i;
const PROSE = new Set([
  "must",
  "should",
  "is",
  "was",
  "will",
  "can",
  "cannot",
  "the",
  "a",
  "an",
  "of",
  "for",
  "to",
  "be",
  "not",
  "field",
  "value",
  "too",
  "policy",
  "length",
  "strength",
  "weak",
  "strong",
  "mismatch",
  "match",
  "matches",
  "manager",
  "protected",
  "set",
  "unset",
  "provided",
  "missing",
  "invalid",
  "incorrect",
  "wrong",
  "expired",
  "changed",
  "updated",
  "reset",
  "present",
  "valid",
  "ok",
  "yes",
  "no",
  "on",
  "off",
  "enabled",
  "disabled",
  "default",
  "encrypted",
  "sensitive",
  "string",
  "text",
  "number",
  "boolean",
  "object",
  "any",
  "unknown",
  "token",
  "key",
  "n/a",
  "tbd",
  "todo",
  "test",
  "demo",
  "sample",
]);

// Provider secrets named by their key have one shape; anything else under that name is not one.
const SHAPE: Partial<Record<TSecretKey["kind"], RegExp>> = {
  "aws-secret-key": /^[A-Za-z0-9/+]{40}$/,
  "aws-session-token": /^[A-Za-z0-9/+=%]{100,}$/,
  "azure-storage-key": /^[A-Za-z0-9/+]{86}==$/,
  "azure-sas-signature": /^[A-Za-z0-9%/+=]{20,}$/,
};

function judgePassword(value: string): boolean {
  if (value.length < 4 || value.length > 128 || /\s/.test(value)) return false;
  if (isPlaceholderPassword(value) || REFERENCE.test(value) || PROSE.has(value.toLowerCase())) return false;
  return !CALL.test(value);
}

function judgeSecret(value: string, kind: TSecretKey["kind"]): boolean {
  const shape = SHAPE[kind];
  if (shape) return shape.test(value) && !isPlaceholderSecret(value);
  if (value.length < 8 || value.length > 4096 || /\s/.test(value)) return false;
  if (isPlaceholderPassword(value) || REFERENCE.test(value) || CALL.test(value) || WORDS.test(value) || VERSION.test(value)) return false;
  // Shorter than a generated key: counts only shaped like a chosen password (digits, letters, and mixed case or a symbol).
  if (value.length < 16)
    return /[0-9]/.test(value) && /[A-Za-z]/.test(value) && ((/[a-z]/.test(value) && /[A-Z]/.test(value)) || /[^A-Za-z0-9]/.test(value));
  // Random: digits among the characters, and no fewer distinct characters or bits than hex has.
  return /[0-9]/.test(value) && distinctCharacters(value, 10) >= 10 && entropyPerCharacter(value) >= 3;
}

const SCHEME = /^(Basic|Bearer|Token|token|Bot|SSWS|ApiKey|Api-Key|Key|key|OAuth|GoogleLogin auth=|Splunk)\s+/;

/** For `Authorization: <scheme> <credential>`: where the credential starts in `value`, or -1. */
export function authorizationCredential(value: string): { offset: number; basic: boolean } | null {
  const scheme = SCHEME.exec(value);
  const offset = scheme ? scheme[0].length : 0;
  const credential = value.slice(offset);
  if (scheme?.[1] === "Basic") {
    if (!/^[A-Za-z0-9+/]{4,}={0,2}$/.test(credential)) return null;
    const decoded = Buffer.from(credential, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon > 0 && colon < decoded.length - 1 && !/[\u0000-\u001f\ufffd]/.test(decoded) ? { offset, basic: true } : null;
  }
  return judgeSecret(credential, "bearer-token") ? { offset, basic: false } : null;
}

/** Whether `value`, named as a secret by its key, is one: judged by the name's kind, shape and entropy. */
export function judgeSecretValue(value: string, key: TSecretKey): boolean {
  if (key.judge === "password") return judgePassword(value);
  if (key.judge === "authorization") return authorizationCredential(value) !== null;
  return judgeSecret(value, key.kind);
}
