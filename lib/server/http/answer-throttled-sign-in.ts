import "server-only";
import { describeSignInError, throttledSeconds } from "@/lib/contracts/auth";
import { problemBody, PROBLEM_CONTENT_TYPE } from "./problem";
import { requestIdOf } from "./request-id";

async function redirectOf(answer: Response): Promise<string | null> {
  const location = answer.headers.get("location");
  if (location) return location;
  if (!answer.headers.get("content-type")?.startsWith("application/json")) return null;
  const body: unknown = await answer
    .clone()
    .json()
    .catch(() => null);
  const url = typeof body === "object" && body !== null && "url" in body ? body.url : null;
  return typeof url === "string" ? url : null;
}

/**
 * next-auth answers every refused credentials sign-in alike (a redirect, or `{ url }` to its own
 * client). A throttled one becomes a 429 problem+json with Retry-After, so scripts see the limit;
 * the `url` member stays, so next-auth's own signIn() still reads the error for the sign-in form.
 */
export async function answerThrottledSignIn(options: { request: Request; answer: Response }): Promise<Response> {
  const { request, answer } = options;
  if (answer.status !== 401 && answer.status !== 302) return answer;
  const redirect = await redirectOf(answer);
  let code: string | null = null;
  try {
    code = redirect ? new URL(redirect, request.url).searchParams.get("error") : null;
  } catch {
    return answer;
  }
  const seconds = throttledSeconds(code);
  if (seconds === null) return answer;
  const requestId = requestIdOf(request);
  const problem = problemBody({
    code: "rate_limited",
    requestId,
    instance: new URL(request.url).pathname,
    detail: describeSignInError(code) ?? "Too many failed sign-in attempts.",
  });
  const headers = new Headers({ "content-type": PROBLEM_CONTENT_TYPE, "retry-after": String(seconds), "x-request-id": requestId });
  // next-auth's cookies (csrf, callback url) are kept; it sets no session cookie on a refusal.
  for (const cookie of answer.headers.getSetCookie()) headers.append("set-cookie", cookie);
  return new Response(JSON.stringify({ ...problem, url: redirect }), { status: 429, headers });
}
