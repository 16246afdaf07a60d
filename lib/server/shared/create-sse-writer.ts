import "server-only";

export const SSE_CONTENT_TYPE = "text/event-stream; charset=utf-8";

/** Server-Sent Events as written on the wire: one shape for every stream, whatever carries the bytes. */
export type TSseWriter = {
  event(name: string, data: unknown): void;
  comment(text: string): void;
  retry(ms: number): void;
};

export function createSseWriter(write: (text: string) => void): TSseWriter {
  return {
    // JSON.stringify never emits a raw newline, so the data always fits on one `data:` line.
    event: (name, data) => write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`),
    comment: (text) => write(`: ${text}\n\n`),
    retry: (ms) => write(`retry: ${ms}\n\n`),
  };
}
