const pad = (n: number) => String(n).padStart(2, "0");

/** "1 h 05 min", "12 min 30 s", "45 s": a countdown short enough for a table cell. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours) return `${hours} h ${pad(minutes)} min`;
  if (minutes) return `${minutes} min ${pad(seconds % 60)} s`;
  return `${seconds} s`;
}
