import "server-only";
import { lookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { ALLOW_HINT } from "./refuse-webhook-target";
import { classifyAddress } from "./classify-address";

/** A delivery refused because its host resolved to an address webhooks may not reach. */
export class WebhookTargetRefused extends Error {
  override name = "WebhookTargetRefused";
}

/**
 * The socket's own name resolution, refusing when any address of the host is private, loopback,
 * link-local or metadata: the connection goes only to the addresses checked here, so a DNS answer
 * that changes between a check and the connect (rebinding) cannot slip through.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    for (const { address } of addresses) {
      const rule = classifyAddress({ address });
      if (rule) return callback(new WebhookTargetRefused(`${hostname} resolves to ${rule}: ${ALLOW_HINT}`), "", 0);
    }
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
    callback(null, first.address, first.family);
  });
};
