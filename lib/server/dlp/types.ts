import "server-only";
import type { z } from "zod";
import type { ZDataTag } from "@/lib/contracts/registry-enums";

export type TDlpTag = z.infer<typeof ZDataTag>;

/** Secrets named by their issuer's published format (prefix, length, checksum where there is one). */
export const PROVIDER_CREDENTIAL_KINDS = [
  "aws-access-key",
  "aws-secret-key",
  "aws-session-token",
  "github-token",
  "gitlab-token",
  "npm-token",
  "pypi-token",
  "huggingface-token",
  "azure-storage-key",
  "azure-sas-signature",
  "azure-client-secret",
  "slack-token",
  "slack-webhook",
  "twilio-key",
  "sendgrid-key",
  "mailgun-key",
  "shopify-token",
  "vault-token",
  "digitalocean-token",
  "telegram-bot-token",
  "sentry-token",
  "stripe-key",
  "stripe-webhook-secret",
  "google-api-key",
  "google-oauth-secret",
  "google-oauth-token",
  "openai-key",
  "anthropic-key",
  "tollgate-token",
  "api-token",
  "jwt",
  "private-key",
] as const;

/** Secrets recognised by where they sit: a URL's password, an `Authorization` header, `password=…`. */
export const CONTEXT_CREDENTIAL_KINDS = ["url-password", "bearer-token", "basic-auth", "password", "secret"] as const;

export type TProviderCredentialKind = (typeof PROVIDER_CREDENTIAL_KINDS)[number];
export type TCredentialKind = TProviderCredentialKind | (typeof CONTEXT_CREDENTIAL_KINDS)[number];

export type TDlpKind = TCredentialKind | "card" | "iban" | "email" | "phone" | "ssn";

/** A match inside one string: [start, end) in UTF-16 code units, as String.prototype.slice counts. */
export type TTextMatch = { kind: TDlpKind; start: number; end: number };

/** How a value named as a secret is judged, and the kind it is reported as. */
export type TSecretKey = { judge: "password" | "secret" | "authorization"; kind: TCredentialKind };

/**
 * What an object key (or the name before `=`/`:` in text) says about the value under it: `ssn`
 * makes a bare nine-digit value an SSN, `phone` a bare digit run a phone number, a secret key the
 * whole value a credential when its shape agrees.
 */
export type TKeyHint = "ssn" | "phone" | TSecretKey | null;

export type TDlpPath = (string | number)[];

/** Never carries the matched text: findings end up in decision reasons and logs. */
export type TDlpFinding = TTextMatch & {
  tag: TDlpTag;
  /**
   * Keys and indexes from the root to the string; [] when the value itself is the string. A key
   * holding sensitive data appears with it replaced by `[REDACTED:<kind>]`.
   */
  path: TDlpPath;
  /** The match is in the object key at `path`, not in its value. */
  inKey: boolean;
};

// IBANs identify a person's bank account, not a payment card: PII, outside PCI DSS scope.
export const TAG_OF_KIND: Record<TDlpKind, TDlpTag> = {
  ...(Object.fromEntries([...PROVIDER_CREDENTIAL_KINDS, ...CONTEXT_CREDENTIAL_KINDS].map((kind) => [kind, "CREDENTIALS"])) as Record<
    TCredentialKind,
    "CREDENTIALS"
  >),
  card: "PCI",
  iban: "PII",
  email: "PII",
  phone: "PII",
  ssn: "PII",
};

/** Containers nested deeper than this are not walked: scans report it, redaction truncates them. */
export const MAX_DEPTH = 32;
