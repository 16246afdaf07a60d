import "server-only";
import { redactKey } from "../dlp/redact-key";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * `["items", 0, "sku"]` → `items[0].sku`, or `arguments.items[0].sku` under `root: "arguments"`;
 * odd keys are quoted: `meta["a.b"]`. The root alone (or "") for no segments.
 */
export function formatArgumentPath(options: { segments: readonly (string | number)[]; root?: string }): string {
  let path = options.root ?? "";
  for (const raw of options.segments) {
    // Paths end up in reasons and logs: a key that is itself a card number or a secret is not repeated.
    const segment = typeof raw === "number" ? raw : redactKey({ key: raw });
    if (typeof segment === "number") path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path === "" ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}
