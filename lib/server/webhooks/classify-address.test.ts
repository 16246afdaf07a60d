import { describe, expect, it } from "vitest";
import { classifyAddress } from "./classify-address";

const rule = (address: string) => classifyAddress({ address });

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.255.0.9", "a loopback address"],
    ["::1", "a loopback address"],
    ["[::1]", "a loopback address"],
    ["0.0.0.0", "the unspecified address"],
    ["::", "the unspecified address"],
    ["10.1.2.3", "a private address (RFC 1918)"],
    ["172.16.0.1", "a private address (RFC 1918)"],
    ["172.31.255.255", "a private address (RFC 1918)"],
    ["192.168.1.1", "a private address (RFC 1918)"],
    ["fc00::1", "a unique local address (fc00::/7)"],
    ["fd12:3456::1", "a unique local address (fc00::/7)"],
    ["169.254.1.1", "a link-local address"],
    ["fe80::1", "a link-local address"],
    ["fe80::1%eth0", "a link-local address"],
    ["100.64.0.1", "a carrier-grade NAT address (100.64.0.0/10)"],
    ["100.127.255.254", "a carrier-grade NAT address (100.64.0.0/10)"],
    ["224.0.0.1", "a multicast address"],
    ["ff02::1", "a multicast address"],
    ["169.254.169.254", "a cloud metadata address"],
    ["fd00:ec2::254", "a cloud metadata address"],
    ["255.255.255.255", "a reserved address"],
    ["2001:db8::1", "a reserved address"],
  ])("refuses %s as %s", (address, expected) => {
    expect(rule(address)).toBe(expected);
  });

  it.each([
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:7f00:1", "a loopback address"],
    ["[::ffff:7f00:1]", "a loopback address"],
    ["::ffff:169.254.169.254", "a cloud metadata address"],
    ["::ffff:a9fe:a9fe", "a cloud metadata address"],
    ["::ffff:10.0.0.1", "a private address (RFC 1918)"],
    ["::127.0.0.1", "a loopback address"],
    ["64:ff9b::7f00:1", "a loopback address"],
    ["2002:c0a8:0101::1", "a private address (RFC 1918)"],
  ])("sees the IPv4 address inside %s", (address, expected) => {
    expect(rule(address)).toBe(expected);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "169.255.0.1",
    "2606:4700::1111",
    "::ffff:8.8.8.8",
    "2002:0808:0808::1",
    "64:ff9b::808:808",
  ])("lets the public address %s through", (address) => {
    expect(rule(address)).toBeNull();
  });

  it("refuses what is not an IP address", () => {
    expect(rule("localhost")).toBe("not an IP address");
    expect(rule("")).toBe("not an IP address");
  });
});
