import type { z } from "zod";
import { apiPath } from "@/lib/client/api-path";
import type { TApiOperation } from "@/lib/contracts/api-catalog/operation";

type TPathParams = Record<string, string>;
type TQuery = Record<string, string | number | undefined>;
// apiPath checks a literal path's {names}; the operations passed here are already catalog entries.
const pathOf = apiPath as (operation: { path: string }, params: TPathParams, query?: TQuery) => string;

/**
 * A person signed in to the console over HTTP, as a browser would be: next-auth's CSRF token and
 * credentials callback, then the session cookie on every `/api/v1` call. It sends no Origin, as
 * any non-browser client, so the console's cross-site check lets its writes through.
 */
export class ConsoleSession {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const { csrfToken } = (await (await this.fetch("GET", "/api/auth/csrf")).json()) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email, password, json: "true" });
    await this.fetch("POST", "/api/auth/callback/credentials", form);
    const session = (await (await this.fetch("GET", "/api/auth/session")).json()) as { user?: unknown } | null;
    if (!session?.user) throw new Error(`${email} could not sign in at ${this.baseUrl} (wrong password, or not a demo database?)`);
  }

  /** Calls one catalog operation and parses its answer with the operation's own response schema. */
  async call<S extends z.ZodType>(
    operation: Pick<TApiOperation, "method" | "path"> & { response: S },
    options: { params?: TPathParams; query?: TQuery; body?: unknown } = {},
  ): Promise<z.infer<S>> {
    const { params = {}, query, body } = options;
    const path = pathOf(operation, params, query);
    const response = await this.fetch(operation.method, path, body === undefined ? undefined : JSON.stringify(body));
    const text = await response.text();
    if (!response.ok) throw new Error(`${operation.method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return operation.response.parse(JSON.parse(text));
  }

  private async fetch(method: string, path: string, body?: string | URLSearchParams): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") };
    if (typeof body === "string") headers["content-type"] = "application/json";
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
    return response;
  }
}
