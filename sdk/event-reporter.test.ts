import { afterEach, describe, expect, it } from "vitest";
import type { TRunEvent } from "@/lib/contracts/events";
import { createTollgate, type TTollgateOptions } from "./create-tollgate";
import { TollgateRequestError } from "./errors";
import { readJsonBody, sendJson, startLocalServer, unusedPort } from "./test-support/start-local-server";

// Fault injection for the batch sender: an events endpoint that fails on demand and counts ids.
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function eventsEndpoint(answer: (attempt: number) => { status: number; headers?: Record<string, string> }) {
  const attempts: string[][] = [];
  const stored = new Map<string, number>();
  const server = await startLocalServer(async (request, response) => {
    if (request.url !== "/api/v1/events") return sendJson(response, 404, {});
    const { events } = (await readJsonBody(request)) as { events: TRunEvent[] };
    attempts.push(events.map((event) => event.id));
    const { status, headers } = answer(attempts.length);
    if (status !== 200) {
      response.writeHead(status, { "content-type": "application/problem+json", ...headers });
      return response.end(
        JSON.stringify({
          type: "urn:tollgate:problem:x",
          title: "x",
          status,
          code: status === 400 ? "validation_failed" : "unavailable",
          requestId: "r",
        }),
      );
    }
    const results = events.map((event, index) => {
      const seen = stored.has(event.id);
      stored.set(event.id, (stored.get(event.id) ?? 0) + (seen ? 0 : 1));
      return { index, id: event.id, status: seen ? "duplicate" : "stored" };
    });
    sendJson(response, 200, { stored: results.filter((r) => r.status === "stored").length, duplicates: 0, rejected: 0, results });
  });
  cleanup.push(server.stop);
  return { url: server.url, attempts, stored };
}

function client(baseUrl: string, options: Partial<TTollgateOptions> = {}) {
  const tollgate = createTollgate({ baseUrl, token: TEST_TOKEN, model: TEST_MODEL, onError: () => undefined, ...options });
  cleanup.push(() => tollgate.close({ timeoutMs: 0 }));
  return tollgate;
}

const TEST_TOKEN = `tg_abcdefghij_${"A".repeat(43)}`;
const TEST_MODEL = "openai/gpt-4.1/2025-04-14";
const fastRetry = { initialMs: 5, maxMs: 20 };

describe("event batching", () => {
  it("resends a batch after 503s with the same ids, so each event is stored once", async () => {
    const endpoint = await eventsEndpoint((attempt) => ({ status: attempt <= 2 ? 503 : 200 }));
    const tollgate = client(endpoint.url, { batching: { batchSize: 500, flushIntervalMs: 60_000, retry: fastRetry } });
    const ids = Array.from({ length: 5 }, (_, i) => tollgate.report({ type: "model_call", latencyMs: i }));
    await tollgate.flush();
    expect(endpoint.attempts).toHaveLength(3);
    for (const attempt of endpoint.attempts) expect(attempt).toEqual(ids);
    expect([...endpoint.stored.values()]).toEqual([1, 1, 1, 1, 1]);
    expect(tollgate.status().queuedEvents).toBe(0);
  });

  it("waits out a 429's Retry-After and then delivers", async () => {
    const endpoint = await eventsEndpoint((attempt) =>
      attempt === 1 ? { status: 429, headers: { "retry-after": "1" } } : { status: 200 },
    );
    const tollgate = client(endpoint.url, { batching: { flushIntervalMs: 1, retry: fastRetry } });
    const startedAt = Date.now();
    tollgate.report({ type: "error", data: { message: "x" } });
    await tollgate.flush();
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1_000);
    expect(endpoint.stored.size).toBe(1);
  });

  it("sends as soon as batchSize events wait, in batches of at most batchSize", async () => {
    const endpoint = await eventsEndpoint(() => ({ status: 200 }));
    const tollgate = client(endpoint.url, { batching: { batchSize: 3, flushIntervalMs: 3_600_000 } });
    for (let i = 0; i < 7; i++) tollgate.report({ type: "model_call" });
    await expect.poll(() => endpoint.stored.size).toBe(6);
    expect(endpoint.attempts.map((batch) => batch.length)).toEqual([3, 3]);
    await tollgate.flush();
    expect(endpoint.attempts.map((batch) => batch.length)).toEqual([3, 3, 1]);
  });

  it("drops a batch the gate refuses as a whole (4xx) and reports it, then goes on", async () => {
    const errors: unknown[] = [];
    const endpoint = await eventsEndpoint((attempt) => ({ status: attempt === 1 ? 400 : 200 }));
    const tollgate = client(endpoint.url, { onError: (error) => errors.push(error), batching: { flushIntervalMs: 1, retry: fastRetry } });
    tollgate.report({ type: "model_call" });
    await tollgate.flush();
    const second = tollgate.report({ type: "model_call" });
    await tollgate.flush();
    expect(endpoint.attempts).toHaveLength(2);
    expect([...endpoint.stored.keys()]).toEqual([second]);
    const batchErrors = errors.filter((error) => !(error instanceof TollgateRequestError && error.status === 404)); // 404: this endpoint has no stream
    expect(batchErrors).toEqual([expect.objectContaining({ name: "TollgateRequestError", status: 400 })]);
  });

  it("keeps a bounded queue while the gate is down and says what close() could not deliver", async () => {
    const errors: unknown[] = [];
    const tollgate = createTollgate({
      baseUrl: `http://127.0.0.1:${await unusedPort()}`,
      token: TEST_TOKEN,
      model: TEST_MODEL,
      onError: (error) => errors.push(error),
      batching: { maxQueue: 3, flushIntervalMs: 1, retry: fastRetry },
    });
    const ids = Array.from({ length: 5 }, () => tollgate.report({ type: "model_call" }));
    expect(ids.filter((id) => id === null)).toHaveLength(2);
    expect(tollgate.status().queuedEvents).toBe(3);
    expect(await tollgate.close({ timeoutMs: 50 })).toEqual({ unsent: 3 });
    expect(errors.filter((error) => error instanceof Error && error.message.includes("dropped"))).toHaveLength(2);
  });
});
