import "server-only";

// Tokens from one issuer share one header, so verdicts are memoised (bounded, short headers only).
const HEADER_VERDICTS = new Map<string, boolean>();

/** The part before the first dot decodes to a JSON object naming an `alg`: a JWS or JWE header. */
export function hasJoseHeader(token: string): boolean {
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
