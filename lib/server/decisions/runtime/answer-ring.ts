import "server-only";
import { bindingOf, type TDecisionBinding } from "./decision-binding";

const ID_LENGTH = 36;
const PROBES = 8;
const HEADER_BYTES = 4 + ID_LENGTH + 2;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

export type TRecalledAnswer = { body: Buffer; binding: TDecisionBinding };

/**
 * The answers of recent decisions by decision id, kept outside the JS heap: entries are written
 * one after another into a fixed buffer that wraps (the oldest are overwritten), found through a
 * fixed open-addressing index of typed arrays. The same answers as JS objects cost every young
 * collection a copy of each (~1 KB a decision) and made old-generation collections frequent.
 * A lookup answers exactly what was stored for that id, or nothing once it is gone. Beside each
 * answer is the rest of what its id is bound to (`bindingKey`: token, model, data classes; the
 * answer itself names the workflow, run, tool and arguments hash), so a retry can be told from a
 * reuse for another call.
 *
 * Entry layout: u32 total length, the 36-character id (latin1), u16 key length, key, body.
 */
export class AnswerRing {
  private readonly ring: Buffer;
  // Virtual offset (ever-growing write position) of each entry, plus one: 0 marks an empty slot.
  private readonly offsets: Float64Array;
  private readonly hashes: Int32Array;
  private head = 0;

  constructor(
    private readonly capacityBytes = 32 * 1024 * 1024,
    slots = 1 << 18,
  ) {
    if ((slots & (slots - 1)) !== 0) throw new Error("the slot count must be a power of two");
    // Not zero-filled: pages become resident only as answers are written, and nothing is read
    // that this ring did not write (see intact()).
    this.ring = Buffer.allocUnsafeSlow(capacityBytes);
    this.offsets = new Float64Array(slots);
    this.hashes = new Int32Array(slots);
  }

  remember(id: string, key: string, body: Buffer): void {
    if (id.length !== ID_LENGTH) return;
    const keyBytes = Buffer.byteLength(key);
    const length = HEADER_BYTES + keyBytes + body.length;
    // Too big to keep, or a key past its u16 length prefix: the id is not remembered here.
    if (length > this.capacityBytes / 4 || keyBytes > 0xffff) return;
    // An entry never wraps: one that would cross the end starts again at the beginning.
    if ((this.head % this.capacityBytes) + length > this.capacityBytes) this.head += this.capacityBytes - (this.head % this.capacityBytes);
    const virtual = this.head;
    let at = virtual % this.capacityBytes;
    this.ring.writeUInt32LE(length, at);
    this.ring.write(id, at + 4, ID_LENGTH, "latin1");
    this.ring.writeUInt16LE(keyBytes, at + 4 + ID_LENGTH);
    at += HEADER_BYTES;
    at += this.ring.write(key, at, "utf8");
    body.copy(this.ring, at);
    this.head += length;

    const hash = fnv1a(id);
    this.offsets[this.slotFor(hash)] = virtual + 1;
  }

  /** The stored answer (a copy) and what its id is bound to, if remembered and not yet overwritten. */
  recall(id: string): TRecalledAnswer | null {
    if (id.length !== ID_LENGTH) return null;
    const hash = fnv1a(id);
    const mask = this.offsets.length - 1;
    for (let probe = 0; probe < PROBES; probe++) {
      const slot = (hash + probe) & mask;
      const virtual = (this.offsets[slot] ?? 0) - 1;
      if (virtual < 0 || this.hashes[slot] !== hash || !this.intact(virtual)) continue;
      const at = virtual % this.capacityBytes;
      if (!this.idAt(at, id)) continue;
      const length = this.ring.readUInt32LE(at);
      const keyBytes = this.ring.readUInt16LE(at + 4 + ID_LENGTH);
      const key = this.ring.toString("utf8", at + HEADER_BYTES, at + HEADER_BYTES + keyBytes);
      const body = Buffer.from(this.ring.subarray(at + HEADER_BYTES + keyBytes, at + length));
      return { body, binding: bindingOf(key, body) };
    }
    return null;
  }

  // The first empty or overwritten slot in the probe window, else its oldest entry's slot.
  private slotFor(hash: number): number {
    const mask = this.offsets.length - 1;
    let oldest = hash & mask;
    for (let probe = 0; probe < PROBES; probe++) {
      const slot = (hash + probe) & mask;
      const virtual = (this.offsets[slot] ?? 0) - 1;
      if (virtual < 0 || !this.intact(virtual)) {
        oldest = slot;
        break;
      }
      if (virtual < (this.offsets[oldest] ?? 0) - 1) oldest = slot;
    }
    this.hashes[oldest] = hash;
    return oldest;
  }

  private intact(virtual: number): boolean {
    return virtual >= this.head - this.capacityBytes;
  }

  private idAt(at: number, id: string): boolean {
    for (let i = 0; i < ID_LENGTH; i++) if (this.ring[at + 4 + i] !== id.charCodeAt(i)) return false;
    return true;
  }
}
