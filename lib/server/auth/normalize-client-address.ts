import "server-only";
import { isIP } from "node:net";

/**
 * The client address the front door vouched for (it overwrites `x-forwarded-for` with the socket's
 * peer), as a throttle key: IPv4-mapped IPv6 unwrapped, IPv6 cut to its /64, since one client
 * holds a whole /64. Anything else (no front door in between) counts as one shared "unknown".
 */
export function normalizeClientAddress(value: string | null | undefined): string {
  const first = (value ?? "").split(",")[0]?.trim() ?? "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(first);
  const address = mapped?.[1] ?? first;
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return "unknown";
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
