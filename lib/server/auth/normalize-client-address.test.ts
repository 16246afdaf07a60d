import { describe, expect, it } from "vitest";
import { normalizeClientAddress } from "./normalize-client-address";

describe("normalizeClientAddress", () => {
  it("keeps IPv4 and unwraps IPv4-mapped IPv6", () => {
    expect(normalizeClientAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeClientAddress("::ffff:127.0.0.3")).toBe("127.0.0.3");
  });

  it("groups IPv6 by /64", () => {
    expect(normalizeClientAddress("2001:db8:0:1:aaaa::1")).toBe("2001:db8:0:1::/64");
    expect(normalizeClientAddress("2001:0db8:0000:0001:ffff:ffff:ffff:ffff")).toBe("2001:db8:0:1::/64");
    expect(normalizeClientAddress("::1")).toBe("0:0:0:0::/64");
  });

  it("takes the first hop only and counts anything unreadable as unknown", () => {
    expect(normalizeClientAddress("198.51.100.2, 10.0.0.1")).toBe("198.51.100.2");
    expect(normalizeClientAddress(undefined)).toBe("unknown");
    expect(normalizeClientAddress("evil")).toBe("unknown");
  });
});
