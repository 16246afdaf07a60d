import { describe, expect, it } from "vitest";
import { createSseWriter } from "./create-sse-writer";

describe("createSseWriter", () => {
  it("writes events, comments and the retry hint in the Server-Sent Events wire format", () => {
    let wire = "";
    const sse = createSseWriter((text) => {
      wire += text;
    });
    sse.retry(3000);
    sse.event("approval", { id: "a-1", note: "line one\nline two" });
    sse.comment("heartbeat");
    expect(wire).toBe('retry: 3000\n\nevent: approval\ndata: {"id":"a-1","note":"line one\\nline two"}\n\n: heartbeat\n\n');
  });
});
