/** UTC, to the second: the same text on the server and in every browser, so hydration agrees. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export function Timestamp({ iso, empty = "—" }: { iso: string | null; empty?: string }) {
  if (!iso) return <span className="muted">{empty}</span>;
  return <time dateTime={iso}>{formatTimestamp(iso)}</time>;
}
