import "server-only";
import { classifySecretKey } from "./classify-secret-key";
import { findSensitiveSpans } from "./find-sensitive-spans";
import type { TKeyHint, TTextMatch } from "./types";

export type TKeyScan = { spans: readonly TTextMatch[]; hint: TKeyHint };

// Key names that make a bare nine-digit value an SSN (`ssn`, `customerSsn`, `social_security_no`).
const SSN_KEY = /ssn|social[\s_-]?security/i;
// Key names that make a bare digit run a phone number (`phone`, `mobileNumber`, `tel`, `fax`).
const PHONE_KEY = /phone|mobile|^tel$|^tel[_-]|telephone|^fax|cell(?:ular)?(?:[_-]?(?:no|number))?$|msisdn|whatsapp/i;

// Every key hintOf recognises contains one of these: most keys (`amount`, `orderId`) stop here.
const ANY_HINT = /ssn|social|phone|mobile|tel|fax|cell|msisdn|whatsapp|pass|pw|secret|token|key|auth|credential|sig/i;

function hintOf(key: string): TKeyHint {
  if (!ANY_HINT.test(key)) return null;
  if (SSN_KEY.test(key)) return "ssn";
  if (PHONE_KEY.test(key)) return "phone";
  return classifySecretKey(key);
}

// Object keys repeat across events and calls (`amount`, `orderId`), so their verdicts are memoised;
// long keys are rare and may be data, so they are not kept.
const MEMO = new Map<string, TKeyScan>();
const MEMO_LIMIT = 4096;
const MEMO_KEY_LENGTH = 64;

/** Sensitive spans in an object key, and what the key says about the value under it. */
export function scanKey(options: { key: string }): TKeyScan {
  const { key } = options;
  const known = MEMO.get(key);
  if (known) return known;
  const scan: TKeyScan = { spans: findSensitiveSpans({ text: key }), hint: hintOf(key) };
  if (key.length <= MEMO_KEY_LENGTH) {
    if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
    MEMO.set(key, scan);
  }
  return scan;
}
