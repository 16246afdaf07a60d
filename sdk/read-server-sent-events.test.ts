import { describe, expect, it } from "vitest";
import { readServerSentEvents } from "./read-server-sent-events";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  const events = [];
  for await (const event of readServerSentEvents(streamOf(chunks))) events.push(event);
  return events;
}

describe("readServerSentEvents", () => {
  it("reads events split anywhere across chunks, with LF, CRLF and CR line ends", async () => {
    const events = await collect(["event: sta", 'te\ndata: {"a"', ":1}\n\n", "event: heartbeat\r", "\ndata: {}\r\n\r\n", "data: x\r\r"]);
    expect(events).toEqual([
      { event: "state", data: '{"a":1}' },
      { event: "heartbeat", data: "{}" },
      { event: "message", data: "x" },
    ]);
  });

  it("joins multi-line data, skips comments and drops an event cut off by the end of the stream", async () => {
    const events = await collect([": keep-alive\n\n", "event: engaged\ndata: line 1\ndata:line 2\nid: 7\n\n", "event: released\ndata: {}"]);
    expect(events).toEqual([{ event: "engaged", data: "line 1\nline 2" }]);
  });
});
