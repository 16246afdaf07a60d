// Events share a 1 MiB request body with up to 999 others: keep each tool result small.
const MAX_RESULT_CHARS = 4096;

/** A tool result as it goes into an event: as-is when small and JSON, otherwise a note of what it was. */
export function summarizeForEvent(value: unknown): unknown {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return { unserializable: typeof value };
  }
  if (json === undefined) return null;
  if (json.length > MAX_RESULT_CHARS) return { truncated: true, chars: json.length, preview: json.slice(0, 256) };
  return value;
}
