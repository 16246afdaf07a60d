// A seeded pseudo-random source: the same seed gives the same history on every machine, so a
// resumed seeding regenerates exactly the days it had not finished.

export type TRandom = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of `entries`, each as likely as its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Log-normal around `median`; `spread` is the σ of its logarithm. */
  logNormal(median: number, spread: number): number;
  /** How many times something with mean `mean` happens (Poisson). */
  poisson(mean: number): number;
  /** A version-4 UUID drawn from this source, so ids are reproducible too. */
  uuid(): string;
  /** An independent source for one part of the history, stable whatever the other parts drew. */
  fork(label: string | number): TRandom;
};

/** 32-bit FNV-1a: turns a label into a seed. */
function hashLabel(seed: number, label: string | number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const char of String(label)) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}

export function createRandom(seed: number): TRandom {
  // mulberry32: tiny, fast and well distributed for simulation (not for secrets).
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const random: TRandom = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (!items.length) throw new Error("pick() from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (!last) throw new Error("weighted() from an empty list");
      return last[0];
    },
    logNormal: (median, spread) => median * Math.exp(spread * gaussian()),
    poisson: (mean) => {
      // Knuth for small means; a rounded normal approximation beyond (hourly means stay small).
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
      const limit = Math.exp(-mean);
      let count = 0;
      for (let product = next(); product > limit; product *= next()) count++;
      return count;
    },
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      hex[12] = "4";
      hex[16] = ((Math.floor(next() * 4) & 0x3) | 0x8).toString(16);
      const s = hex.join("");
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    fork: (label) => createRandom(hashLabel(seed, label)),
  };
  return random;
}
