import "server-only";

const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c;
}

/** CRC-32 (IEEE, as zlib computes it) of text[start, end), whose characters are ASCII. */
export function crc32(text: string, start = 0, end = text.length): number {
  let crc = -1;
  for (let i = start; i < end; i++) crc = (crc >>> 8) ^ CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]!;
  return (crc ^ -1) >>> 0;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `value` in base 62 (digits, upper case, lower case), left-padded with zeros to `width`. */
export function toBase62(value: number, width: number): string {
  let out = "";
  for (let v = value; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62] + out;
  return out.padStart(width, "0");
}

/**
 * GitHub's `gh?_` tokens and npm's `npm_` tokens end in six base-62 characters: the CRC-32 of the
 * 30 random characters before them (github.blog, "Behind GitHub's new authentication token
 * formats", 2021; npm adopted the same format). A string of that shape whose checksum fails was
 * never issued.
 */
export function hasBase62CrcChecksum(token: string): boolean {
  const body = token.slice(token.indexOf("_") + 1);
  if (body.length !== 36) return false;
  return toBase62(crc32(body, 0, 30), 6) === body.slice(30);
}
