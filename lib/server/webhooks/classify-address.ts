import "server-only";
import { BlockList, isIP } from "node:net";

type TRange = readonly [network: string, prefix: number];
type TRule = { rule: string; v4?: readonly TRange[]; v6?: readonly TRange[] };

// First match names the rule, so the metadata addresses come before the ranges holding them.
const RULES: readonly TRule[] = [
  {
    rule: "a cloud metadata address",
    v4: [
      ["169.254.169.254", 32],
      ["100.100.100.200", 32],
    ],
    v6: [["fd00:ec2::254", 128]],
  },
  { rule: "the unspecified address", v4: [["0.0.0.0", 8]], v6: [["::", 128]] },
  { rule: "a loopback address", v4: [["127.0.0.0", 8]], v6: [["::1", 128]] },
  {
    rule: "a private address (RFC 1918)",
    v4: [
      ["10.0.0.0", 8],
      ["172.16.0.0", 12],
      ["192.168.0.0", 16],
    ],
  },
  {
    rule: "a unique local address (fc00::/7)",
    v6: [
      ["fc00::", 7],
      ["fec0::", 10],
    ],
  },
  { rule: "a link-local address", v4: [["169.254.0.0", 16]], v6: [["fe80::", 10]] },
  { rule: "a carrier-grade NAT address (100.64.0.0/10)", v4: [["100.64.0.0", 10]] },
  { rule: "a multicast address", v4: [["224.0.0.0", 4]], v6: [["ff00::", 8]] },
  {
    rule: "a reserved address",
    v4: [
      ["240.0.0.0", 4],
      ["192.0.0.0", 24],
      ["192.0.2.0", 24],
      ["198.18.0.0", 15],
      ["198.51.100.0", 24],
      ["203.0.113.0", 24],
    ],
    v6: [
      ["2001:db8::", 32],
      ["100::", 64],
    ],
  },
];

const LISTS = RULES.map(({ rule, v4 = [], v6 = [] }) => {
  const list = new BlockList();
  for (const [network, prefix] of v4) list.addSubnet(network, prefix, "ipv4");
  for (const [network, prefix] of v6) list.addSubnet(network, prefix, "ipv6");
  return { rule, list };
});

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail included). */
function groupsOf(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split(".").map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) => parseInt(group, 16));
}

/** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4), or null. */
function embeddedIpv4(address: string): string | null {
  const g = groupsOf(address);
  const zero = (from: number, to: number) => g.slice(from, to).every((group) => group === 0);
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (zero(0, 5) && (g[5] === 0xffff || g[5] === 0) && !(g[5] === 0 && g[6] === 0)) return v4(g[6] ?? 0, g[7] ?? 0);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4(g[6] ?? 0, g[7] ?? 0);
  if (g[0] === 0x2002) return v4(g[1] ?? 0, g[2] ?? 0);
  return null;
}

/**
 * Why Tollgate must not send a webhook to this IP address (e.g. "a loopback address"), or null for
 * a public one. An IPv6 address carrying an IPv4 one (`::ffff:127.0.0.1`, NAT64, 6to4) is judged
 * by the IPv4 address too. Anything that is not an IP address is refused as unreadable.
 */
export function classifyAddress(options: { address: string }): string | null {
  const address = options.address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(address);
  if (family === 0) return "not an IP address";
  const type = family === 4 ? "ipv4" : "ipv6";
  for (const { rule, list } of LISTS) if (list.check(address, type)) return rule;
  const inner = family === 6 ? embeddedIpv4(address) : null;
  return inner === null ? null : classifyAddress({ address: inner });
}
