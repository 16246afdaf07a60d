import "server-only";
import type { TSecretKey } from "./types";

// Words of a name, lower case: `client_secret`, `clientSecret`, `X-Api-Key`, `--password`.
const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

// Names whose value is a provider's secret of one known shape (judged as a secret, reported as that kind).
const PROVIDER_NAMES: readonly [RegExp, TSecretKey["kind"]][] = [
  [/(?:aws)?secretaccesskey$|awssecret(?:key)?$/, "aws-secret-key"],
  [/(?:aws)?sessiontoken$|(?:amz)?securitytoken$/, "aws-session-token"],
  [/accountkey$|storage(?:account)?key$|sharedaccesskey$/, "azure-storage-key"],
  [/^sig$|^sastoken$/, "azure-sas-signature"],
  [/^vaulttoken$|^vaultclienttoken$/, "vault-token"],
  [/^twilioauthtoken$|^twiliotoken$/, "twilio-key"],
];

const SECRET_ENDINGS =
  /(?:secret|token|apikey|accesskey|secretkey|privatekey|signingkey|encryptionkey|masterkey|authkey|appkey|servicekey|sessionkey|credentials?)$/;
const PASSWORD_ENDINGS = /(?:password|passwd|passphrase|pwd)$/;

// Tokens that page, count or identify rather than authenticate; names of things that are not secrets.
const NOT_SECRET_WORDS = new Set([
  "next",
  "page",
  "continuation",
  "sync",
  "resume",
  "cursor",
  "idempotency",
  "request",
  "csrf",
  "xsrf",
  "max",
  "min",
  "num",
  "total",
  "input",
  "output",
  "prompt",
  "completion",
  "cancellation",
  "cancel",
  "device",
  "push",
  "fcm",
  "apns",
  "registration",
  "pagination",
  "public",
  "publishable",
  "pub",
  "primary",
  "sort",
  "partition",
  "cache",
  "object",
  "foreign",
  "row",
  "s3",
  "redis",
  "lookup",
  "hash",
  "map",
  "dict",
  "translation",
  "i18n",
  "routing",
  "shard",
  "group",
  "message",
  "event",
  "unique",
  "composite",
  "is",
  "has",
  "no",
  "use",
  "show",
  "hide",
  "with",
  "without",
  "reset",
  "forgot",
  "new",
  "confirm",
  "last",
  "token",
  "tokens",
  "count",
  "limit",
]);

/**
 * Whether a name (object key, env variable, header, CLI flag, query parameter) says its value is a
 * secret, and how to judge that value. Only the name's last word counts, so `token_type`,
 * `password_reset_url` and `secret_name` are not secret names while `PGPASSWORD`, `client_secret`
 * and `X-Api-Key` are.
 */
export function classifySecretKey(name: string): TSecretKey | null {
  if (name.length > 80) return null;
  const parts = words(name);
  const compact = parts.join("");
  if (compact.length < 3) return null;
  if (compact.endsWith("authorization")) return { judge: "authorization", kind: "bearer-token" };
  if (PASSWORD_ENDINGS.test(compact) || parts.at(-1) === "pass" || parts.at(-1) === "pw") return { judge: "password", kind: "password" };
  for (const [pattern, kind] of PROVIDER_NAMES) if (pattern.test(compact)) return { judge: "secret", kind };
  const last = parts.at(-1) ?? "";
  const before = parts.at(-2) ?? "";
  if (SECRET_ENDINGS.test(compact)) {
    // `api_key` alone is a secret; `next_page_token`, `isSecret` and `public_key` are not.
    if (last === compact || !NOT_SECRET_WORDS.has(before)) return { judge: "secret", kind: "secret" };
    return null;
  }
  // `STRIPE_KEY`, `OPENAI_KEY`: a service's key; `sort_key`, `cache_key`, a bare `key` are not.
  if (last === "key" && parts.length >= 2 && !NOT_SECRET_WORDS.has(before)) return { judge: "secret", kind: "secret" };
  return null;
}
