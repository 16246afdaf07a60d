import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/server/env";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { pageCsp, servedOverHttps } from "@/lib/server/http/security-headers";

/**
 * A fresh nonce and Content-Security-Policy for every page. Next reads the nonce from the request's
 * CSP header and puts it on the scripts and style tags it renders; the answer carries the same
 * policy. The other security headers come from the front door, on every answer.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = randomBytes(16).toString("base64");
  const https = servedOverHttps({ publicOrigin: publicOrigin(), forwardedProto: request.headers.get("x-forwarded-proto") });
  const csp = pageCsp({ nonce, dev: env().NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: API answers and static files get the front door's no-content policy.
  matcher: [
    {
      source: "/((?!api/|_next/static/|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
