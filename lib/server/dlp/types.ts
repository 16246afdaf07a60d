import "server-only";
import type { z } from "zod";
import type { ZDataTag } from "@/lib/contracts/registry-enums";

export type TDlpTag = z.infer<typeof ZDataTag>;

export type TCredentialKind =
  | "aws-access-key"
  | "github-token"
  | "slack-token"
  | "stripe-key"
  | "openai-key"
  | "anthropic-key"
  | "google-api-key"
  | "bearer-token"
  | "jwt"
  | "private-key"
  | "url-password"
  | "tollgate-token";

export type TDlpKind = TCredentialKind | "card" | "iban" | "email" | "phone" | "ssn";

/** A match inside one string: [start, end) in UTF-16 code units, as String.prototype.slice counts. */
export type TTextMatch = { kind: TDlpKind; start: number; end: number };

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
  "aws-access-key": "CREDENTIALS",
  "github-token": "CREDENTIALS",
  "slack-token": "CREDENTIALS",
  "stripe-key": "CREDENTIALS",
  "openai-key": "CREDENTIALS",
  "anthropic-key": "CREDENTIALS",
  "google-api-key": "CREDENTIALS",
  "bearer-token": "CREDENTIALS",
  jwt: "CREDENTIALS",
  "private-key": "CREDENTIALS",
  "url-password": "CREDENTIALS",
  "tollgate-token": "CREDENTIALS",
  card: "PCI",
  iban: "PII",
  email: "PII",
  phone: "PII",
  ssn: "PII",
};

/** Containers nested deeper than this are not walked: scans report it, redaction truncates them. */
export const MAX_DEPTH = 32;
