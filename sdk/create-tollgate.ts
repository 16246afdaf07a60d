import { ZModelRef } from "@/lib/contracts/decisions";
import type { TKillSwitchState } from "@/lib/contracts/killswitch";
import type { TScreenResponse } from "@/lib/contracts/screen";
import type { TApprovalTier } from "@/lib/contracts/registry-enums";
import type { TBackoff } from "./backoff";
import { createDecider, type TDecideRetry, type TResolvedCall } from "./create-decider";
import { createEventReporter, type TBatchingOptions } from "./event-reporter";
import { createGateHttp } from "./gate-http";
import { guardCall } from "./guard-call";
import { createKillSwitchLease, type THaltEvent, type TLeaseOptions } from "./kill-switch-lease";
import { screenContent, type TScreenOptions } from "./screen";
import type { TCallOptions, TDecision, TLeaseState, TReportEvent } from "./types";

export type TTollgateOptions = {
  /** Where Tollgate runs, e.g. https://tollgate.internal */
  baseUrl: string;
  /** The workflow's service token (`tg_…`): it names the workflow. */
  token: string;
  /** The model in use, as provider/model/version; a call may name another. */
  model: string;
  /** Data classes every call touches unless a call says otherwise. */
  dataClasses?: string[];
  /** The run calls belong to unless a call or a run handle says otherwise; random by default. */
  runId?: string;
  /**
   * Fail-closed policy when the lease lapsed or the gate is unreachable: T1+ is always denied;
   * with `true`, tools last known to be T0 (read-only) are allowed. Default false: deny everything.
   */
  failOpenT0?: boolean;
  fetch?: typeof fetch;
  /** Per gate request (decisions, events); default 10 s. */
  timeoutMs?: number;
  lease?: Partial<TLeaseOptions>;
  batching?: Partial<TBatchingOptions>;
  approvals?: Partial<{ pollSeconds: number; retry: TBackoff }>;
  decideRetry?: Partial<TDecideRetry>;
  /** guard and wrapTools screen every tool result before the model sees it (a call may say otherwise). Default false. */
  screenToolResults?: boolean;
  /** Background failures (stream errors, dropped or rejected events); default console.warn. */
  onError?: (error: unknown) => void;
};

export type TGuardFn = <T>(
  tool: string,
  args: Record<string, unknown>,
  fn: () => T | Promise<T>,
  options?: TCallOptions,
) => Promise<Awaited<T>>;

export type TTollgateRun = {
  readonly runId: string;
  decide(tool: string, args: Record<string, unknown>, options?: TCallOptions): Promise<TDecision>;
  guard: TGuardFn;
  /** What of `content` may go to the model: found data classes, an outcome and the content to send. */
  screen(content: unknown, options?: TScreenOptions): Promise<TScreenResponse>;
  /** Queues an event for this run; answers its id, or null when the queue was full. */
  report(event: TReportEvent): string | null;
  /** Reports run_ended. */
  end(options?: { outcome?: "success" | "failure" | "cancelled"; data?: Record<string, unknown> }): void;
};

export type TTollgate = Omit<TTollgateRun, "end"> & {
  /** Reports run_started and answers a handle whose calls and events belong to that run. */
  startRun(options?: { runId?: string; data?: Record<string, unknown> }): TTollgateRun;
  /** Called for every switch that gets engaged over this workflow (also those engaged at connect). */
  onHalt(listener: (event: THaltEvent) => void): () => void;
  status(): { lease: TLeaseState; workflowKey: string | null; engaged: TKillSwitchState[]; queuedEvents: number };
  /** The tool's tier as the gate last said, null before that. */
  tierOf(tool: string): TApprovalTier | null;
  /** Resolves when every event reported so far is acknowledged (waits through outages). */
  flush(): Promise<void>;
  /** Flushes for at most timeoutMs (default 10 s), closes the stream; answers the events never acknowledged. */
  close(options?: { timeoutMs?: number }): Promise<{ unsent: number }>;
};

const TOKEN_FORMAT = /^tg_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/;

function check(options: TTollgateOptions) {
  if (!TOKEN_FORMAT.test(options.token))
    throw new TypeError("createTollgate: `token` must be a Tollgate service token (tg_<10 characters>_<43 characters>)");
  const model = ZModelRef.safeParse(options.model);
  if (!model.success) throw new TypeError(`createTollgate: \`model\`: ${model.error.issues[0]?.message}`);
  if (!URL.canParse(options.baseUrl)) throw new TypeError(`createTollgate: \`baseUrl\` is not a URL: ${options.baseUrl}`);
}

/** The client a governed automation holds: one per workflow token, for the life of the process. */
export function createTollgate(options: TTollgateOptions): TTollgate {
  check(options);
  const onError = options.onError ?? ((error: unknown) => console.warn("[tollgate]", error instanceof Error ? error.message : error));
  const http = createGateHttp({
    baseUrl: options.baseUrl,
    token: options.token,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  const lease = createKillSwitchLease({
    http,
    model: options.model,
    onError,
    lease: { leaseMs: 15_000, connectTimeoutMs: 5_000, reconnect: { initialMs: 250, maxMs: 5_000 }, ...options.lease },
  });
  const reporter = createEventReporter({
    http,
    onError,
    batching: { batchSize: 100, flushIntervalMs: 1_000, maxQueue: 10_000, retry: { initialMs: 200, maxMs: 30_000 }, ...options.batching },
  });
  // Closing ends approval waits and gate requests still in flight.
  const closed = new AbortController();
  const decider = createDecider({
    http,
    lease,
    failOpenT0: options.failOpenT0 ?? false,
    retry: { attempts: 2, backoff: { initialMs: 100, maxMs: 1_000 }, ...options.decideRetry },
  });
  const guardContext = {
    http,
    decider,
    report: (event: TReportEvent) => void report(event),
    approvals: { pollSeconds: 25, retry: { initialMs: 500, maxMs: 10_000 }, ...options.approvals },
  };

  function resolve(runId: string, tool: string, args: Record<string, unknown>, call: TCallOptions = {}): TResolvedCall {
    return {
      runId: call.runId ?? runId,
      tool,
      arguments: args,
      dataClasses: call.dataClasses ?? options.dataClasses ?? [],
      model: call.model ?? options.model,
      ...(call.approvalId ? { approvalId: call.approvalId } : {}),
      screenResult: call.screenResult ?? options.screenToolResults ?? false,
      signal: call.signal ? AbortSignal.any([call.signal, closed.signal]) : closed.signal,
    };
  }

  function report(event: TReportEvent, runId = defaultRun.runId): string | null {
    const id = event.id ?? crypto.randomUUID();
    const queued = reporter.enqueue({
      ...event,
      id,
      runId: event.runId ?? runId,
      occurredAt: event.occurredAt ?? new Date().toISOString(),
    });
    return queued ? id : null;
  }

  function runHandle(id: string): TTollgateRun {
    return {
      runId: id,
      decide: (tool, args, call) => decider.decide(resolve(id, tool, args, call)),
      guard: (tool, args, fn, call) => guardCall(guardContext, resolve(id, tool, args, call), fn),
      screen: (content, { kind = "prompt", model = options.model, runId = id, signal } = {}) =>
        screenContent({ http, content, kind, model, runId, signal: signal ? AbortSignal.any([signal, closed.signal]) : closed.signal }),
      report: (event) => report(event, id),
      end: ({ outcome = "success", data = {} } = {}) => void report({ type: "run_ended", outcome, data }, id),
    };
  }

  const defaultRun = runHandle(options.runId ?? crypto.randomUUID());

  return {
    runId: defaultRun.runId,
    decide: defaultRun.decide,
    guard: defaultRun.guard,
    screen: defaultRun.screen,
    report: defaultRun.report,
    startRun({ runId = crypto.randomUUID(), data = {} } = {}) {
      report({ type: "run_started", model: options.model, data }, runId);
      return runHandle(runId);
    },
    onHalt: lease.onHalt,
    status: () => ({ lease: lease.state(), workflowKey: lease.workflowKey(), engaged: lease.engaged(), queuedEvents: reporter.queued() }),
    tierOf: decider.tierOf,
    flush: reporter.flush,
    async close({ timeoutMs = 10_000 } = {}) {
      closed.abort(new Error("The Tollgate client was closed"));
      const result = await reporter.close(timeoutMs);
      await lease.stop();
      return result;
    },
  };
}
