import "server-only";
import { findSensitiveSpans } from "./find-sensitive-spans";
import type { TTextMatch } from "./types";

export type TKeyScan = { spans: readonly TTextMatch[]; ssnKey: boolean };

// Key names that make a bare nine-digit value an SSN (`ssn`, `customerSsn`, `social_security_no`).
const SSN_KEY = /ssn|social[\s_-]?security/i;

// Object keys repeat across events and calls (`amount`, `orderId`), so their verdicts are memoised;
// long keys are rare and may be data, so they are not kept.
const MEMO = new Map<string, TKeyScan>();
const MEMO_LIMIT = 4096;
const MEMO_KEY_LENGTH = 64;

/** Sensitive spans in an object key, and whether the key names an SSN field. */
export function scanKey(options: { key: string }): TKeyScan {
  const { key } = options;
  const known = MEMO.get(key);
  if (known) return known;
  const scan: TKeyScan = { spans: findSensitiveSpans({ text: key }), ssnKey: SSN_KEY.test(key) };
  if (key.length <= MEMO_KEY_LENGTH) {
    if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
    MEMO.set(key, scan);
  }
  return scan;
}
