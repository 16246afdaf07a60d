// Seeded, so every run builds the same registry and the same request mix.
let seed = 42;

export const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
export const token = (length: number): string => Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join("");
