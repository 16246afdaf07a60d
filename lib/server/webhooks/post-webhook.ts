import "server-only";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { env } from "../env";
import { classifyAddress } from "./classify-address";
import { guardedLookup, WebhookTargetRefused } from "./guarded-lookup";
import { ALLOW_HINT } from "./refuse-webhook-target";

export type TPostResult = { ok: boolean; statusCode: number | null; error: string | null };

const MAX_ERROR_LENGTH = 300;

/**
 * One signed POST. Redirects are not followed (a receiver must not bounce Tollgate's requests to
 * another host) and response bodies are never read or stored: only the status code counts. An IP
 * host is checked as written, a name as resolved on the connection's own lookup (unless
 * WEBHOOK_ALLOW_PRIVATE_TARGETS is set): an endpoint stored earlier, or a name whose DNS answer
 * changed since, is refused at delivery all the same.
 */
export async function postWebhook(options: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}): Promise<TPostResult> {
  const { url, body, headers, timeoutMs } = options;
  const target = new URL(url);
  // The socket skips its lookup for an IP literal, so that is judged here; names are judged as resolved.
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  const rule = isIP(literal) && !env().WEBHOOK_ALLOW_PRIVATE_TARGETS ? classifyAddress({ address: literal }) : null;
  if (rule)
    return { ok: false, statusCode: null, error: `Not sent: ${target.hostname} is ${rule}: ${ALLOW_HINT}`.slice(0, MAX_ERROR_LENGTH) };
  const client = target.protocol === "https:" ? https : http;
  return new Promise<TPostResult>((resolve) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "Tollgate-Webhooks/1",
          ...headers,
        },
        // A fresh connection per delivery: one checked by this lookup, never a pooled one.
        agent: false,
        ...(env().WEBHOOK_ALLOW_PRIVATE_TARGETS ? {} : { lookup: guardedLookup }),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        response.destroy();
        if (status >= 200 && status < 300) return resolve({ ok: true, statusCode: status, error: null });
        if (status >= 300 && status < 400) {
          return resolve({
            ok: false,
            statusCode: status,
            error: "The receiver answered with a redirect, which is not followed: configure the final URL",
          });
        }
        resolve({ ok: false, statusCode: status, error: `The receiver answered ${status}` });
      },
    );
    request.on("error", (error) => resolve({ ok: false, statusCode: null, error: describeFailure(error, timeoutMs) }));
    request.end(body);
  });
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `No answer within ${timeoutMs / 1000} s`;
  if (error instanceof WebhookTargetRefused) return `Not sent: ${error.message}`.slice(0, MAX_ERROR_LENGTH);
  const code = typeof error === "object" && error && "code" in error ? String(error.code) : null;
  const message = error instanceof Error ? error.message : String(error);
  return `Could not reach the receiver: ${code ?? message}`.slice(0, MAX_ERROR_LENGTH);
}
