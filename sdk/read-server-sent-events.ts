export type TServerSentEvent = { event: string; data: string };

/**
 * The Server-Sent Events wire format (WHATWG HTML §9.2) over a fetch body, so the SDK needs no
 * EventSource: it can send the bearer token and control reconnects and leases itself. Comments
 * (`: keep-alive`) are skipped: only events renew a lease.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<TServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let event = "";
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? "" : decoder.decode(value, { stream: true });
      // Mid-stream a trailing "\r" waits: its "\n" may be in the next chunk.
      const cut = !done && buffer.endsWith("\r") ? buffer.length - 1 : buffer.length;
      const lines = buffer.slice(0, cut).split(/\r\n|\r|\n/);
      // The last piece is a line still arriving (at the end: an unfinished line, dropped).
      buffer = (lines.pop() ?? "") + buffer.slice(cut);
      for (const line of lines) {
        if (line === "") {
          if (data.length) yield { event: event || "message", data: data.join("\n") };
          event = "";
          data = [];
          continue;
        }
        const colon = line.indexOf(":");
        if (colon === 0) continue;
        const field = colon === -1 ? line : line.slice(0, colon);
        const raw = colon === -1 ? "" : line.slice(colon + 1);
        const text = raw.startsWith(" ") ? raw.slice(1) : raw;
        if (field === "event") event = text;
        else if (field === "data") data.push(text);
      }
      if (done) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
