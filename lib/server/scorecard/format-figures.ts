import "server-only";

/** 0.972 → "97.2%": at most two decimals, none that are zero. */
export const formatPercent = (x: number) => `${Number((x * 100).toFixed(2))}%`;

/** 7500 → "7.5 s", 850 → "850 ms". */
export const formatMs = (ms: number) => (ms >= 1000 ? `${Number((ms / 1000).toFixed(2))} s` : `${Math.round(ms)} ms`);
