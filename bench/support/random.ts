// Seeded, so every run builds the same registry and the same request mix. mulberry32: integer
// arithmetic only (an LCG in floating point loses precision and repeats after ~16,000 draws).
let state = 42;

export function random(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
export const token = (length: number): string => Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join("");
