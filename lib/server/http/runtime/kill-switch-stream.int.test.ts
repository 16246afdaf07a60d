import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntimeTestServer, type TRuntimeTestServer } from "@/test/support/runtime-server";
import { until } from "@/test/support/until";

let server: TRuntimeTestServer;
let token: string;

beforeAll(async () => {
  server = await startRuntimeTestServer();
  token = await server.mintToken();
});
afterAll(async () => server.stop());

type TEvent = { event: string; data: Record<string, unknown> };

/** Opens the stream and hands out its events one at a time, in order. */
async function openStream(bearer = token) {
  const abort = new AbortController();
  const res = await fetch(`${server.url}/api/v1/killswitch/stream`, {
    headers: { authorization: `Bearer ${bearer}` },
    signal: abort.signal,
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  const next = async (): Promise<TEvent> => {
    for (;;) {
      const end = buffered.indexOf("\n\n");
      if (end !== -1) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
        const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "{}") as Record<string, unknown>;
        return { event, data };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffered += value;
    }
  };
  /** The next event other than a heartbeat. */
  const nextChange = async () => {
    for (;;) {
      const e = await next();
      if (e.event !== "heartbeat") return e;
    }
  };
  return { res, next, nextChange, close: () => abort.abort() };
}

describe("GET /api/v1/killswitch/stream", () => {
  it("starts with the state and lease, then pushes engage and release of switches covering the workflow", async () => {
    const stream = await openStream();
    expect(stream.res.headers.get("content-type")).toContain("text/event-stream");
    const first = await stream.next();
    expect(first.event).toBe("state");
    expect(first.data).toMatchObject({ workflowKey: "support-refunds", engaged: [], heartbeatMs: 1000, leaseMs: 3000 });

    // A switch on a tool this workflow does not use is not its business.
    const other = await server.engage({ scope: "TOOL", target: "s3.object.delete" });
    const id = await server.engage({ scope: "TOOL", target: "stripe.refund", reason: "refund anomaly" });
    const engaged = await stream.nextChange();
    expect(engaged).toMatchObject({
      event: "engaged",
      data: { switch: { id, scope: "TOOL", target: "stripe.refund", reason: "refund anomaly" } },
    });

    await server.release(id);
    const released = await stream.nextChange();
    expect(released).toMatchObject({ event: "released", data: { switch: { id } } });
    await server.release(other);
    stream.close();
  });

  it("renews the lease with heartbeats", async () => {
    const stream = await openStream();
    await stream.next();
    const beat = await stream.next();
    expect(beat.event).toBe("heartbeat");
    expect(typeof beat.data.serverTime).toBe("string");
    stream.close();
  });

  it("includes the switches already engaged when a client connects", async () => {
    const id = await server.engage({ scope: "PROVIDER", target: "anthropic", reason: "provider incident" });
    // A client connecting in the instant before the NOTIFY lands hears of it as an `engaged` event instead.
    await until(() => server.door.gate.killSwitches.engaged({ scope: "PROVIDER", target: "anthropic" }), { what: "the engage to land" });
    const stream = await openStream();
    const first = await stream.next();
    expect((first.data.engaged as { id: string }[]).map((s) => s.id)).toEqual([id]);
    stream.close();
    await server.release(id);
  });

  it("refuses a token without the decide scope with a problem", async () => {
    const ingestOnly = await server.mintToken({ scopes: ["INGEST"] });
    const res = await fetch(`${server.url}/api/v1/killswitch/stream`, { headers: { authorization: `Bearer ${ingestOnly}` } });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});
