import "server-only";

/** On every answer, page or not. */
export const BASE_SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  // frame-ancestors 'none' in the CSP says the same to current browsers; this one is for older ones.
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=(), display-capture=()",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
} as const;

/** For answers that are not pages (JSON, problems, streams): nothing in them may load, run or be framed. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Every run-time API answer: authenticated by a token, so never stored by a cache. */
export const API_SECURITY_HEADERS = {
  ...BASE_SECURITY_HEADERS,
  "content-security-policy": NON_PAGE_CSP,
  "cache-control": "no-store",
} as const;

export const HSTS = "max-age=31536000; includeSubDomains";

/** HSTS only means something over https, and would pin a plain-http install (localhost) to https. */
export function servedOverHttps(options: { publicOrigin: string; forwardedProto: string | readonly string[] | null | undefined }): boolean {
  const proto = typeof options.forwardedProto === "string" ? options.forwardedProto : options.forwardedProto?.[0];
  return options.publicOrigin.startsWith("https:") || proto?.split(",")[0]?.trim().toLowerCase() === "https";
}

/**
 * A console page's policy: scripts only with this answer's nonce (Next puts it on its own scripts)
 * or loaded by one ('strict-dynamic'); styles from our stylesheets or nonce-carrying tags.
 * Development adds what React's dev tooling and hot reload need ('unsafe-eval', inline styles).
 */
export function pageCsp(options: { nonce: string; dev: boolean; https: boolean }): string {
  const { nonce, dev, https } = options;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
