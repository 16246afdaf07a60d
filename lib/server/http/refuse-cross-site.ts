import "server-only";
import { AppError } from "../errors";

// Methods a browser may send from anywhere (links, images) and that change nothing here.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type THeader = string | readonly string[] | null | undefined;

const one = (value: THeader): string | null =>
  value === null || value === undefined ? null : typeof value === "string" ? value : value.join(", ");
const shown = (value: string) => JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);

// The host the browser addressed (127.0.0.1 where NEXTAUTH_URL says localhost): a page of another
// site cannot set Host, and a rebound name carries no cookie of ours.
const isOwnHost = (origin: string, host: string | null) => host !== null && (origin === `http://${host}` || origin === `https://${host}`);

/**
 * Refuses a state-changing request a browser sent from another site, so a page elsewhere cannot
 * act with a signed-in person's cookie. Browsers label every request with `Sec-Fetch-Site` and
 * every cross-origin (and, in current Chromium, same-origin) POST/PUT/PATCH/DELETE with `Origin`,
 * and no page can forge either; a request with neither comes from no browser (curl, a server-side
 * client) and so carries no victim's cookie, and passes.
 */
export function refuseCrossSite(request: {
  method: string;
  origin: THeader;
  fetchSite: THeader;
  host: THeader;
  publicOrigin: string;
}): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const fetchSite = one(request.fetchSite);
  const origin = one(request.origin);
  const fix = `A ${request.method.toUpperCase()} must come from the console's own origin (${request.publicOrigin})`;
  if (fetchSite !== null && fetchSite !== "same-origin") {
    throw new AppError(
      "cross_site_request",
      `${fix}; this one is Sec-Fetch-Site ${shown(fetchSite)}. Make the change from a console page, or from a client that sends no browser headers.`,
    );
  }
  if (origin !== null && origin !== request.publicOrigin && !isOwnHost(origin, one(request.host))) {
    throw new AppError(
      "cross_site_request",
      `${fix}; this one comes from Origin ${shown(origin)}. Make the change from a console page, or from a client that sends no Origin header.`,
    );
  }
}
