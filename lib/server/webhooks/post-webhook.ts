import "server-only";

export type TPostResult = { ok: boolean; statusCode: number | null; error: string | null };

const MAX_ERROR_LENGTH = 300;

/**
 * One signed POST. Redirects are not followed (a receiver must not bounce Tollgate's requests to
 * another host) and response bodies are never read or stored: only the status code counts.
 */
export async function postWebhook(options: { url: string; body: string; headers: Record<string, string>; timeoutMs: number }): Promise<TPostResult> {
  const { url, body, headers, timeoutMs } = options;
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "Tollgate-Webhooks/1", ...headers },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    const { status } = response;
    if (status >= 200 && status < 300) return { ok: true, statusCode: status, error: null };
    if ((status >= 300 && status < 400) || response.type === "opaqueredirect") {
      return { ok: false, statusCode: status || null, error: "The receiver answered with a redirect, which is not followed: configure the final URL" };
    }
    return { ok: false, statusCode: status, error: `The receiver answered ${status}` };
  } catch (error) {
    return { ok: false, statusCode: null, error: describeFailure(error, timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) return `No answer within ${timeoutMs / 1000} s`;
  // fetch reports network failures as "fetch failed" with the system error (ECONNREFUSED, ENOTFOUND…) as its cause.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === "object" && cause && "code" in cause ? String(cause.code) : null;
  const message = cause instanceof Error ? cause.message : String(cause);
  return `Could not reach the receiver: ${code ?? message}`.slice(0, MAX_ERROR_LENGTH);
}
