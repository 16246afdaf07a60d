import "server-only";
import { scanKey } from "./scan-key";

/**
 * An object key fit to name in a finding's path or a reason: each sensitive span replaced by
 * `[REDACTED:<kind>]`, keeping nothing of the match (not even a card's last four digits).
 */
export function redactKey(options: { key: string }): string {
  const { key } = options;
  const { spans } = scanKey({ key });
  if (spans.length === 0) return key;
  let result = "";
  let from = 0;
  for (const { kind, start, end } of spans) {
    result += `${key.slice(from, start)}[REDACTED:${kind}]`;
    from = end;
  }
  return result + key.slice(from);
}
