const UNITS = [
  { ms: 86_400_000, unit: "d" },
  { ms: 3_600_000, unit: "h" },
  { ms: 60_000, unit: "min" },
] as const;

/** "3 h", "2 d": how long ago `iso` was, as of the server's answer (so server and browser agree). */
export function formatAge(iso: string, asOf: string): string {
  const elapsed = Math.max(0, new Date(asOf).getTime() - new Date(iso).getTime());
  const match = UNITS.find((u) => elapsed >= u.ms);
  return match ? `${Math.floor(elapsed / match.ms)} ${match.unit}` : "under a minute";
}
