import { collectGarbage } from "./collect-garbage";
import { HttpConnection, type TResponse, type TTarget } from "./http-connection";
import { Samples } from "./samples";

/** The next request to send; `tag` groups its latency (e.g. "T0/T1" vs "T2/T3"). */
export type TNextRequest = (i: number) => { bytes: Buffer; tag?: string };

export type TLoadResult = {
  /** Answers that arrived inside the measured window, per second. */
  perSecond: number;
  /** Every answer by status, including those still in flight when the window closed. */
  statuses: Map<number, number>;
  errors: number;
  /** Milliseconds: closed loop from send; open loop from the scheduled send (queueing included). */
  latency: Samples;
  /** Open loop only: from the moment the request was written (service time without queueing). */
  service: Samples;
  /** Open loop only: latency of the requests due during the lead-in, kept out of `latency`. */
  leadIn: Samples;
  byTag: Map<string, Samples>;
};

type TRun = {
  target: TTarget;
  connections: number;
  durationMs: number;
  next: TNextRequest;
  onResponse?: (response: TResponse, tag: string | undefined, latencyMs: number) => void;
};

function collector(run: TRun) {
  const result: TLoadResult = {
    perSecond: 0,
    statuses: new Map(),
    errors: 0,
    latency: new Samples(),
    service: new Samples(),
    leadIn: new Samples(),
    byTag: new Map(),
  };
  const record = (response: TResponse, tag: string | undefined, latencyMs: number, measured = true) => {
    result.statuses.set(response.status, (result.statuses.get(response.status) ?? 0) + 1);
    run.onResponse?.(response, tag, latencyMs);
    if (!measured) {
      result.leadIn.add(latencyMs);
      return;
    }
    result.latency.add(latencyMs);
    if (tag) {
      let samples = result.byTag.get(tag);
      if (!samples) result.byTag.set(tag, (samples = new Samples()));
      samples.add(latencyMs);
    }
  };
  return { result, record };
}

/**
 * Everything a round needs is ready before its clock starts: connections open (their handshakes
 * are not the server's latency) and the generator's own garbage collected. Left to V8, the
 * collection of an open loop's prebuilt requests (~28,000 for a decisions round) came ~100 ms
 * into the round and held back every request due meanwhile: most of the slowest 1% of a round.
 */
async function readyConnections(run: TRun): Promise<HttpConnection[]> {
  const connections = Array.from({ length: run.connections }, () => new HttpConnection(run.target));
  await Promise.all(connections.map((connection) => connection.connect()));
  collectGarbage("major");
  return connections;
}

/**
 * Closed loop: each of `connections` keep-alive connections sends its next request as soon as
 * the previous answer arrived, for `durationMs`: the most the server answers at this concurrency.
 */
export async function runClosedLoop(run: TRun): Promise<TLoadResult> {
  const { result, record } = collector(run);
  const connections = await readyConnections(run);
  let sent = 0;
  let inWindow = 0;
  const started = performance.now();
  const deadline = started + run.durationMs;
  const loop = async (connection: HttpConnection) => {
    try {
      while (performance.now() < deadline) {
        const { bytes, tag } = run.next(sent++);
        const at = performance.now();
        try {
          const response = await connection.send(bytes);
          const now = performance.now();
          record(response, tag, now - at);
          if (now <= deadline) inWindow += 1;
        } catch {
          result.errors += 1;
        }
      }
    } finally {
      connection.close();
    }
  };
  await Promise.all(connections.map(loop));
  result.perSecond = inWindow / (run.durationMs / 1000);
  return result;
}

/**
 * Open loop: requests are due at a fixed rate whatever the server does (so a stall shows up as
 * latency instead of silently slowing the sender); a due request waits for a free connection.
 * Latency counts from when the request was due. Every request is built before the clock starts:
 * on two cores shared with the server, building them as they fall due took CPU from both.
 * `leadInMs`: the rate runs that long before the measured `durationMs`, so the window sees the
 * server at that load rather than its first moments after being idle (reported apart in `leadIn`).
 */
export async function runOpenLoop(run: TRun & { perSecond: number; leadInMs?: number }): Promise<TLoadResult> {
  const { result, record } = collector(run);
  const due: number[] = [];
  const leadInMs = run.leadInMs ?? 0;
  const leadIn = Math.floor((run.perSecond * leadInMs) / 1000);
  const total = leadIn + Math.floor((run.perSecond * run.durationMs) / 1000);
  const requests = Array.from({ length: total }, (_, i) => run.next(i));
  const free = await readyConnections(run);
  const all = [...free];
  let scheduled = 0;
  let issued = 0;
  let done = 0;
  let inWindow = 0;
  const started = performance.now();
  const deadline = started + leadInMs + run.durationMs;

  return new Promise((resolve) => {
    const finish = () => {
      for (const connection of all) connection.close();
      result.perSecond = inWindow / (run.durationMs / 1000);
      resolve(result);
    };
    const dispatch = () => {
      while (due.length && free.length) {
        const dueAt = due.shift() ?? 0;
        const connection = free.pop() as HttpConnection;
        const measured = issued >= leadIn;
        const { bytes, tag } = requests[issued++] as ReturnType<TNextRequest>;
        const sentAt = performance.now();
        connection
          .send(bytes)
          .then(
            (response) => {
              const now = performance.now();
              record(response, tag, now - dueAt, measured);
              if (!measured) return;
              result.service.add(now - sentAt);
              if (now <= deadline) inWindow += 1;
            },
            () => (result.errors += 1),
          )
          .finally(() => {
            done += 1;
            free.push(connection);
            if (done === total) finish();
            else dispatch();
          });
      }
    };
    const tick = () => {
      const now = performance.now();
      const owed = Math.min(total, Math.floor(((now - started) * run.perSecond) / 1000));
      for (; scheduled < owed; scheduled++) due.push(started + (scheduled * 1000) / run.perSecond);
      dispatch();
      if (scheduled < total) setTimeout(tick, 1);
    };
    if (total === 0) finish();
    else tick();
  });
}
