import { EVENT_BATCH_MAX, ZEventBatchResponse, type TRunEvent } from "@/lib/contracts/events";
import { backoffDelay, delay, type TBackoff } from "./backoff";
import { TollgateUnreachableError } from "./errors";
import type { TGateHttp } from "./gate-http";

export type TBatchingOptions = {
  /** Send as soon as this many events wait (at most 1,000). */
  batchSize: number;
  /** Send what waits at the latest this long after the first of them. */
  flushIntervalMs: number;
  /** Events beyond this many waiting are dropped (and reported to onError): memory stays bounded while the gate is down. */
  maxQueue: number;
  retry: TBackoff;
};

export type TEventReporter = ReturnType<typeof createEventReporter>;

/**
 * Batches events to `POST /api/v1/events`. One batch is in flight at a time and stays at the head
 * of the queue until the gate acknowledges it; a network error, 5xx or 429 resends the same batch
 * (same ids, so the gate stores nothing twice) after a backoff, for as long as the client is open.
 * A batch the gate refuses as a whole (4xx) would be refused again: it is dropped and reported; so
 * are items rejected or in conflict (an id already used for other content).
 */
export function createEventReporter(options: { http: TGateHttp; batching: TBatchingOptions; onError: (error: unknown) => void }) {
  const { http, onError } = options;
  const batchSize = Math.min(options.batching.batchSize, EVENT_BATCH_MAX);
  const queue: TRunEvent[] = [];
  const waiters: { until: number; resolve: () => void }[] = [];
  const closing = new AbortController();
  let enqueued = 0;
  let settled = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending: Promise<void> | null = null;
  let forced = false;

  function settle(count: number) {
    queue.splice(0, count);
    settled += count;
    for (const waiter of waiters.filter((w) => w.until <= settled)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  async function send(batch: TRunEvent[]) {
    for (let attempt = 0; !closing.signal.aborted; attempt++) {
      try {
        const response = await http.request({
          method: "POST",
          path: "/api/v1/events",
          body: { events: batch },
          schema: ZEventBatchResponse,
          signal: closing.signal,
        });
        // Neither would be stored by a resend: reported once, and settled with the batch.
        for (const result of response.results.filter((r) => r.status === "rejected" || r.status === "conflict")) {
          const problems = (result.problems ?? []).map((p) => `${p.path}: ${p.message}`).join("; ");
          const what = result.status === "conflict" ? "refused event" : "rejected event";
          onError(new Error(`Tollgate ${what} ${result.id ?? `#${result.index}`}: ${problems}`));
        }
        return settle(batch.length);
      } catch (error) {
        if (!(error instanceof TollgateUnreachableError)) {
          onError(error);
          return settle(batch.length);
        }
        await delay(error.retryAfterMs ?? backoffDelay(attempt, options.batching.retry), closing.signal);
      }
    }
  }

  // Full batches go at once; a partial one waits for the interval, a flush() or close().
  async function drain() {
    clearTimeout(timer);
    timer = undefined;
    while (!closing.signal.aborted && (queue.length >= batchSize || (forced && queue.length))) await send(queue.slice(0, batchSize));
    forced = false;
    sending = null;
    if (queue.length && !closing.signal.aborted) timer = setTimeout(() => kick(true), options.batching.flushIntervalMs);
  }

  function kick(force: boolean) {
    forced ||= force;
    sending ??= drain();
  }

  function flush(): Promise<void> {
    const until = enqueued;
    if (settled >= until) return Promise.resolve();
    kick(true);
    return new Promise((resolve) => waiters.push({ until, resolve }));
  }

  return {
    /** Queues an event; false when the queue is full and the event was dropped. */
    enqueue(event: TRunEvent): boolean {
      if (closing.signal.aborted || queue.length >= options.batching.maxQueue) {
        onError(
          new Error(
            `Tollgate event ${event.id} dropped: ${closing.signal.aborted ? "the client is closed" : `${queue.length} events already wait`}`,
          ),
        );
        return false;
      }
      queue.push(event);
      enqueued++;
      if (queue.length >= batchSize) kick(false);
      else if (!timer && !sending) timer = setTimeout(() => kick(true), options.batching.flushIntervalMs);
      return true;
    },
    /** Resolves once every event queued so far is acknowledged (or dropped). Waits through gate outages. */
    flush,
    /** Flushes for at most `timeoutMs`, then stops retrying; answers how many events were never acknowledged. */
    async close(timeoutMs: number): Promise<{ unsent: number }> {
      const flushed = new AbortController();
      await Promise.race([flush(), delay(timeoutMs, flushed.signal)]);
      flushed.abort();
      closing.abort();
      clearTimeout(timer);
      await sending;
      for (const waiter of waiters.splice(0)) waiter.resolve();
      return { unsent: queue.length };
    },
    queued: () => queue.length,
  };
}
