import { describe, expect, it } from "vitest";
import { refuseCrossSite } from "./refuse-cross-site";

const ORIGIN = "https://tollgate.example";
const check = (method: string, headers: { origin?: string | string[]; fetchSite?: string; host?: string }) => () =>
  refuseCrossSite({
    method,
    origin: headers.origin,
    fetchSite: headers.fetchSite,
    host: headers.host ?? "tollgate.example",
    publicOrigin: ORIGIN,
  });

describe("refuseCrossSite", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE", "PROPFIND"])("refuses a %s from another origin or site", (method) => {
    expect(check(method, { origin: "https://evil.example" })).toThrow(expect.objectContaining({ code: "cross_site_request" }));
    expect(check(method, { fetchSite: "cross-site" })).toThrow(expect.objectContaining({ code: "cross_site_request" }));
    expect(check(method, { fetchSite: "same-site", origin: ORIGIN })).toThrow(expect.objectContaining({ code: "cross_site_request" }));
    expect(check(method, { fetchSite: "none" })).toThrow(expect.objectContaining({ code: "cross_site_request" }));
    expect(check(method, { origin: "null" })).toThrow(expect.objectContaining({ code: "cross_site_request" }));
    // An origin that merely starts like ours is another origin.
    expect(check(method, { origin: `${ORIGIN}.evil.example` })).toThrow(expect.objectContaining({ code: "cross_site_request" }));
    expect(check(method, { origin: [ORIGIN, "https://evil.example"] })).toThrow(expect.objectContaining({ code: "cross_site_request" }));
  });

  it("passes the console's own requests and clients that are not browsers", () => {
    expect(check("POST", { origin: ORIGIN, fetchSite: "same-origin" })).not.toThrow();
    expect(check("POST", { fetchSite: "same-origin" })).not.toThrow();
    expect(check("POST", { origin: ORIGIN })).not.toThrow();
    expect(check("post", {})).not.toThrow();
  });

  it("passes the host the browser addressed, and only that host", () => {
    expect(check("POST", { origin: "http://127.0.0.1:3000", fetchSite: "same-origin", host: "127.0.0.1:3000" })).not.toThrow();
    expect(check("POST", { origin: "http://127.0.0.1:3000", host: "localhost:3000" })).toThrow(
      expect.objectContaining({ code: "cross_site_request" }),
    );
    expect(check("POST", { origin: "http://evil.example", host: "evil.example.tollgate.example" })).toThrow(
      expect.objectContaining({ code: "cross_site_request" }),
    );
  });

  it.each(["GET", "HEAD", "OPTIONS"])("lets a %s through from anywhere: it changes nothing", (method) => {
    expect(check(method, { origin: "https://evil.example", fetchSite: "cross-site" })).not.toThrow();
  });

  it("says what to fix, quoting a long header only in part", () => {
    expect(check("DELETE", { origin: `https://${"a".repeat(300)}.example` })).toThrow(
      /must come from the console's own origin \(https:\/\/tollgate\.example\); this one comes from Origin "https:\/\/a{92}…"/,
    );
  });
});
