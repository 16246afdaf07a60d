import {
  ZKillSwitchStreamChange,
  ZKillSwitchStreamClosed,
  ZKillSwitchStreamHeartbeat,
  ZKillSwitchStreamState,
  type TKillSwitchState,
} from "@/lib/contracts/killswitch";
import { backoffDelay, delay, type TBackoff } from "./backoff";
import { TollgateRequestError } from "./errors";
import type { TGateHttp } from "./gate-http";
import { readServerSentEvents, type TServerSentEvent } from "./read-server-sent-events";
import { switchCovers } from "./switch-covers";
import type { TLeaseState } from "./types";

export type TLeaseOptions = {
  /** The lease until the gate's first `state` event names its own. */
  leaseMs: number;
  /** How long a first decision waits for the stream before failing closed. */
  connectTimeoutMs: number;
  reconnect: TBackoff;
};

export type THaltEvent = {
  switch: TKillSwitchState;
  /** GLOBAL, this workflow, or the client's model or provider: nothing can run. A TOOL switch halts one tool. */
  haltsEverything: boolean;
};

export type TKillSwitchLease = ReturnType<typeof createKillSwitchLease>;

const STREAM_PATH = "/api/v1/killswitch/stream";

/**
 * Holds the kill-switch stream open and a lease on it: every event renews the lease for `leaseMs`;
 * silence for that long (a dead or stalled stream) lapses it, and the client then fails closed
 * until a new `state` event arrives. Reconnects with backoff forever, until `stop()`.
 */
export function createKillSwitchLease(options: {
  http: TGateHttp;
  model: string;
  lease: TLeaseOptions;
  onError: (error: unknown) => void;
}) {
  const engaged = new Map<string, TKillSwitchState>();
  const haltListeners = new Set<(event: THaltEvent) => void>();
  const stopped = new AbortController();
  let state: TLeaseState = "connecting";
  let workflowKey: string | null = null;
  let leaseMs = options.lease.leaseMs;
  let connection: AbortController | null = null;
  let lastEventAt = 0;
  let lastError: string | null = null;
  let silence: ReturnType<typeof setTimeout> | undefined;
  let settleReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (settleReady = resolve));

  // Also the watchdog of a connection attempt that hangs before its first event.
  function armSilenceTimer() {
    clearTimeout(silence);
    silence = setTimeout(() => {
      if (state === "held") state = "lapsed";
      connection?.abort();
    }, leaseMs);
  }

  function halt(killSwitch: TKillSwitchState) {
    const isNew = !engaged.has(killSwitch.id);
    engaged.set(killSwitch.id, killSwitch);
    if (!isNew) return;
    const event = { switch: killSwitch, haltsEverything: switchCovers(killSwitch, { workflowKey, model: options.model }) };
    for (const listener of haltListeners) {
      try {
        listener(event);
      } catch (error) {
        options.onError(error);
      }
    }
  }

  /** True when the event proves the stream is alive and in sync (renews the lease). */
  function handle(message: TServerSentEvent, synced: boolean): boolean {
    const json = parseJson(message.data);
    if (message.event === "state") {
      const parsed = ZKillSwitchStreamState.safeParse(json);
      if (!parsed.success) return false;
      workflowKey = parsed.data.workflowKey;
      leaseMs = parsed.data.leaseMs;
      const current = new Set(parsed.data.engaged.map((killSwitch) => killSwitch.id));
      for (const id of engaged.keys()) if (!current.has(id)) engaged.delete(id);
      parsed.data.engaged.forEach(halt);
      return true;
    }
    if (!synced) return false;
    if (message.event === "engaged" || message.event === "released") {
      const parsed = ZKillSwitchStreamChange.safeParse(json);
      if (!parsed.success) return false;
      if (message.event === "engaged") halt(parsed.data.switch);
      else engaged.delete(parsed.data.switch.id);
      return true;
    }
    return message.event === "heartbeat" && ZKillSwitchStreamHeartbeat.safeParse(json).success;
  }

  // The gate no longer accepts the token: the lease is gone now, not when the silence runs out.
  function lose(why: string) {
    if (state === "held") state = "lapsed";
    lastError = why;
    connection?.abort();
  }

  async function connect(signal: AbortSignal) {
    const response = await options.http.stream(STREAM_PATH, signal);
    let synced = false;
    for await (const message of readServerSentEvents(response.body as ReadableStream<Uint8Array>)) {
      if (signal.aborted) continue;
      if (message.event === "closed") {
        const closed = ZKillSwitchStreamClosed.safeParse(parseJson(message.data));
        const why = `The kill-switch stream was closed: ${closed.success ? closed.data.detail : "the gate ended it"}`;
        lose(why);
        options.onError(new Error(why));
        return;
      }
      if (!handle(message, synced)) continue;
      synced = true;
      state = "held";
      lastError = null;
      lastEventAt = Date.now();
      armSilenceTimer();
      settleReady();
    }
  }

  async function run() {
    let attempt = 0;
    while (!stopped.signal.aborted) {
      const current = (connection = new AbortController());
      const startedAt = Date.now();
      if (state !== "held") armSilenceTimer();
      try {
        await connect(AbortSignal.any([stopped.signal, current.signal]));
      } catch (error) {
        if (!stopped.signal.aborted && !current.signal.aborted) {
          lastError = error instanceof Error ? error.message : String(error);
          // 401/403: the token itself is refused, so no lease is held meanwhile.
          if (error instanceof TollgateRequestError) lose(lastError);
          options.onError(error);
        }
      }
      settleReady();
      // A connection that got in sync resets the backoff: the next one starts fast.
      attempt = lastEventAt >= startedAt ? 0 : attempt + 1;
      await delay(backoffDelay(attempt, options.lease.reconnect), stopped.signal);
    }
  }

  const running = run();
  const readyOrTimeout = Promise.race([ready, delay(options.lease.connectTimeoutMs, stopped.signal)]);

  return {
    /** Resolves once the first connection attempt has a lease, has failed, or took connectTimeoutMs. */
    ready: () => readyOrTimeout,
    state: (): TLeaseState => state,
    /** Why the stream last failed, while it has not recovered: shown in fail-closed denials. */
    lastError: () => lastError,
    workflowKey: () => workflowKey,
    engaged: (): TKillSwitchState[] => [...engaged.values()],
    /** The engaged switch that stops this call, if any. */
    haltFor: (call: { tool: string; model: string }) =>
      [...engaged.values()].find((killSwitch) => switchCovers(killSwitch, { ...call, workflowKey })),
    onHalt(listener: (event: THaltEvent) => void): () => void {
      haltListeners.add(listener);
      return () => haltListeners.delete(listener);
    },
    async stop() {
      stopped.abort();
      clearTimeout(silence);
      state = "closed";
      await running;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
