import "server-only";
import { isIP } from "node:net";
import { env } from "../env";
import { classifyAddress } from "./classify-address";

const NAMED: readonly [RegExp, string][] = [
  [/^(.+\.)?localhost$/, "a loopback name"],
  [/^(metadata|metadata\.google\.internal|metadata\.goog)$/, "a cloud metadata name"],
];

export const ALLOW_HINT =
  "webhooks may not target loopback, private, link-local or metadata addresses (WEBHOOK_ALLOW_PRIVATE_TARGETS=true allows them, e.g. for a local receiver)";

/**
 * Why a webhook must not go to this URL's host as written (an IP literal in any notation the URL
 * parser accepts, e.g. `http://2130706433/`, or a loopback or metadata name), or null. A host
 * name's addresses are checked when a delivery resolves it. Null for everything when
 * WEBHOOK_ALLOW_PRIVATE_TARGETS is set.
 */
export function refuseWebhookTarget(options: { url: string }): string | null {
  if (env().WEBHOOK_ALLOW_PRIVATE_TARGETS) return null;
  let host: string;
  try {
    host = new URL(options.url).hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return `${options.url} is not a URL`;
  }
  const bare = host.replace(/^\[|\]$/g, "");
  if (isIP(bare)) {
    const rule = classifyAddress({ address: bare });
    return rule && `${host} is ${rule}: ${ALLOW_HINT}`;
  }
  const named = NAMED.find(([pattern]) => pattern.test(host));
  return named ? `${host} is ${named[1]}: ${ALLOW_HINT}` : null;
}
