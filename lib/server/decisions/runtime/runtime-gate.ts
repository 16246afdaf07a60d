import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { TDecisionRequestInput, TDecisionResponse } from "@/lib/contracts/decisions";
import { checkTokenEnvironment } from "../../auth/check-token-environment";
import { isApprovalSpendable } from "../../approvals/is-approval-spendable";
import { ServiceTokenCache } from "../../auth/service-token-cache";
import type { TServicePrincipal } from "../../authz/principal";
import type { TDb } from "../../db/client";
import type { NotificationHub } from "../../db/notifications";
import { AppError } from "../../errors";
import { decide } from "../decide";
import { hashArguments } from "../../shared/hash-arguments";
import type { TCompiledWorkflowSnapshot, TRateTake } from "../types";
import { AnswerRing, type TRecalledAnswer } from "./answer-ring";
import { decideWithApproval } from "./decide-with-approval";
import { bindingKey, describeDecisionReuse } from "./decision-binding";
import { DecisionLog } from "./decision-log";
import { decisionRow } from "./decision-row";
import { GatePresence } from "./gate-presence";
import { KillSwitchBoard } from "./kill-switch-board";
import { LeasedRateLimiter } from "./leased-rate-limiter";
import { RegistrySnapshots } from "./registry-snapshots";

const MAINTENANCE_MS = 5_000;
const cannotRecord = () =>
  new AppError("unavailable", "The decision could not be recorded, so the call is denied; retry with the same decisionId", undefined, {
    "retry-after": "1",
  });
const NOT_RECORDING = "The gate cannot record decisions right now, so it denies every call; retry with the same decisionId";

/** Where the gate takes rate-limit tokens; by default leased from Postgres (LeasedRateLimiter). */
export type TGateRateLimiter = {
  take(options: { key: string; perMinute: number; now: number }): Promise<TRateTake>;
  close(): void;
};

/**
 * The run-time gate of one app instance: tokens, compiled snapshots and the engaged kill switches
 * in memory, kept current by NOTIFY; rate limits leased from Postgres; every decision recorded
 * (T0/T1 by group commit, T2/T3 before the answer).
 */
export class RuntimeGate {
  readonly tokens = new ServiceTokenCache();
  readonly snapshots: RegistrySnapshots;
  readonly killSwitches: KillSwitchBoard;
  readonly rateLimiter: TGateRateLimiter;
  readonly decisionLog: DecisionLog;
  readonly presence: GatePresence;
  // Answers by decision id, as the bytes sent, with what each id is bound to: a retried request
  // gets the first answer instead of a second decision, any other call with that id a 409
  // (~50,000 of the latest, outside the JS heap).
  private readonly answers = new AnswerRing();
  private readonly unsubscribe: (() => void)[] = [];
  private maintenance: NodeJS.Timeout | null = null;

  private constructor(
    private readonly db: TDb,
    pool: pg.Pool,
    rateLimiter?: TGateRateLimiter,
  ) {
    this.snapshots = new RegistrySnapshots(db);
    this.killSwitches = new KillSwitchBoard(db);
    this.rateLimiter = rateLimiter ?? new LeasedRateLimiter(pool);
    this.decisionLog = new DecisionLog(pool);
    this.presence = new GatePresence(
      pool,
      () => this.killSwitches.unknown === null,
      () => this.decisionLog.health(),
    );
  }

  /**
   * `rateLimiter` replaces the leased one where calls are decided at moments that jump back and
   * forth in time (the demo history replays a month): leases assume time only moves forward.
   */
  static async start(options: { db: TDb; pool: pg.Pool; hub: NotificationHub; rateLimiter?: TGateRateLimiter }): Promise<RuntimeGate> {
    const gate = new RuntimeGate(options.db, options.pool, options.rateLimiter);
    const { hub } = options;
    gate.unsubscribe.push(
      // Acknowledged only once in force here, so an engage that waits for every gate's
      // acknowledgement answers when no gate would still allow what it halts.
      gate.killSwitches.subscribe((change) => change.type === "engaged" && gate.presence.acknowledge(change.switch.id)),
      hub.on("tollgate_registry", (payload) => gate.onRegistryChange(payload)),
      hub.on("tollgate_killswitch", (payload) => void gate.killSwitches.applyNotification(payload).catch(gate.lostKillSwitches)),
      hub.onState(({ connected }) => {
        if (!connected) return gate.killSwitches.markUnknown("the gate lost its NOTIFY connection to Postgres");
        // Whatever changed while disconnected was not announced: start again from the database.
        gate.snapshots.invalidate(null);
        gate.tokens.clear();
        void gate.killSwitches.reload().catch(gate.lostKillSwitches);
      }),
    );
    await hub.start();
    await gate.killSwitches.reload();
    await gate.presence.start();
    gate.maintenance = setInterval(() => gate.maintain(hub, options.pool), MAINTENANCE_MS);
    gate.maintenance.unref();
    return gate;
  }

  async stop(): Promise<void> {
    if (this.maintenance) clearInterval(this.maintenance);
    for (const off of this.unsubscribe) off();
    this.rateLimiter.close();
    await this.presence.stop();
    await Promise.all([this.decisionLog.flush(), this.tokens.flushTouches()]);
  }

  private async requireCatalogTool(tool: string): Promise<void> {
    if ((await this.snapshots.catalogToolKeys()).has(tool)) return;
    throw new AppError("validation_failed", `No tool in the catalog has the key ${tool}`, [
      { path: "body.tool", message: `Unknown tool ${tool}: register it in the tool catalog first` },
    ]);
  }

  async snapshotFor(principal: TServicePrincipal): Promise<TCompiledWorkflowSnapshot> {
    const snapshot = await this.snapshots.get(principal.workflowId);
    if (!snapshot) throw new AppError("unauthenticated", "The service token's workflow no longer exists");
    // Again against the snapshot: a draft's environment can change after its token was cached.
    checkTokenEnvironment({
      tokenEnvironment: principal.environment,
      workflowEnvironment: snapshot.environment,
      workflowKey: snapshot.workflowKey,
    });
    return snapshot;
  }

  /** Decides one call; answers the decision as UTF-8 JSON (what `POST /api/v1/decisions` sends). */
  async decide(principal: TServicePrincipal, input: TDecisionRequestInput, now = Date.now()): Promise<Buffer> {
    const decisionId = input.decisionId ?? randomUUID();
    // Copied only to add an id the caller did not send: most send one, and a copy is garbage.
    const request = input.decisionId === undefined ? { ...input, decisionId } : (input as TDecisionRequestInput & { decisionId: string });
    const known = input.decisionId === undefined ? null : this.answers.recall(decisionId);
    if (known) return this.answerAgain(principal, request, known);
    const snapshot = await this.snapshotFor(principal);
    await this.requireCatalogTool(request.tool);
    if (!this.decisionLog.accepts()) throw new AppError("unavailable", NOT_RECORDING, undefined, { "retry-after": "1" });

    let response = await this.evaluate(snapshot, principal, request, now);
    const durable = response.tier === "T2" || response.tier === "T3";
    if (!durable) {
      this.decisionLog.append(
        decisionRow({ request, response, workflowId: snapshot.workflowId, tokenId: principal.tokenId, approvalId: null }),
      );
    } else {
      try {
        response = await decideWithApproval({ db: this.db, principal, snapshot, request, response, now });
      } catch (error) {
        if (error instanceof AppError) throw error;
        console.error("a T2/T3 decision could not be recorded", error);
        throw cannotRecord();
      }
    }
    const body = Buffer.from(JSON.stringify(response));
    this.answers.remember(decisionId, bindingKey(principal.tokenId, request.model, request.dataClasses), body);
    return body;
  }

  /** A decision id this gate remembers: the first answer for the very same call, a 409 for any other. */
  private answerAgain(
    principal: TServicePrincipal,
    request: TDecisionRequestInput & { decisionId: string },
    known: TRecalledAnswer,
  ): Buffer {
    const { runId, tool, model, dataClasses } = request;
    const again = {
      workflow: principal.workflowKey,
      tokenId: principal.tokenId,
      runId,
      tool,
      model,
      dataClasses,
      argumentsHash: hashArguments({ args: request.arguments }),
    };
    const reuse = describeDecisionReuse({ decisionId: request.decisionId, first: known.binding, again });
    if (reuse) throw new AppError("conflict", reuse);
    return known.body;
  }

  /**
   * `POST /api/v1/approvals`: the automation asks people first, whatever the tool's tier. Rules
   * 1–8 still apply (nobody is asked to approve what the gate would deny); returns the request's id.
   */
  async requestApproval(
    principal: TServicePrincipal,
    input: Omit<TDecisionRequestInput, "decisionId" | "approvalId">,
    now = Date.now(),
  ): Promise<string> {
    const request = { ...input, decisionId: randomUUID() };
    const snapshot = await this.snapshotFor(principal);
    await this.requireCatalogTool(request.tool);
    const response = await this.evaluate(snapshot, principal, request, now);
    if (response.outcome === "deny") {
      const why = response.reasons.map((r) => `rule ${r.rule} (${r.code}): ${r.message}`).join("; ");
      throw new AppError("forbidden", `The gate denies this call, so no approval was opened — ${why}`);
    }
    const tier = response.tier === "T3" ? "T3" : "T2";
    const message = `The automation asked for approval before calling ${request.tool}`;
    const asked: TDecisionResponse = {
      ...response,
      outcome: "require_approval",
      tier,
      approvalsRequired: tier === "T3" ? 2 : 1,
      reasons: [{ rule: 9, code: "approval_required", message }],
    };
    const answer = await decideWithApproval({ db: this.db, principal, snapshot, request, response: asked, now });
    if (answer.outcome !== "require_approval" || !answer.approvalId) throw new Error("opening an approval request returned no request");
    return answer.approvalId;
  }

  /** The engine, with the rate-limit take (async, cross-instance) done where the engine asks for it. */
  private async evaluate(snapshot: TCompiledWorkflowSnapshot, principal: TServicePrincipal, request: TDecisionRequestInput, now: number) {
    let wanted: { key: string; perMinute: number; now: number } | null = null;
    const killSwitches = this.killSwitches;
    // Literals, not `{ ...options, rateLimiter }`: see answer() in decide.ts.
    const response = decide({
      snapshot,
      request,
      token: principal,
      killSwitches,
      now,
      rateLimiter: { tryTake: (take) => ((wanted = take), { ok: true }) },
    });
    if (!wanted) return response;
    if (request.approvalId && response.outcome === "require_approval" && (await this.spendsApproval(snapshot, request, response)))
      return response;
    const take: TRateTake = await this.rateLimiter.take(wanted);
    // The engine is deterministic: asking again with the refusal yields exactly its rule-7 answer.
    return take.ok ? response : decide({ snapshot, request, token: principal, killSwitches, now, rateLimiter: { tryTake: () => take } });
  }

  /**
   * The call the approval was granted for: the decision that opened it already counted toward the
   * tool's rate limit, so spending it is not counted again. Unsure (Postgres error), it counts.
   */
  private async spendsApproval(
    snapshot: TCompiledWorkflowSnapshot,
    request: TDecisionRequestInput,
    response: TDecisionResponse,
  ): Promise<boolean> {
    if (!request.approvalId) return false;
    const spend = { id: request.approvalId, workflowId: snapshot.workflowId, tool: request.tool, argumentsHash: response.argumentsHash };
    return isApprovalSpendable(this.db, spend).catch((error: unknown) => {
      console.error("could not read an approval before its spend; the call counts toward its rate limit", error);
      return false;
    });
  }

  /** Retries a failed kill-switch read (decisions deny meanwhile) and drops spent rate-limit windows. */
  private maintain(hub: NotificationHub, pool: pg.Pool): void {
    if (this.killSwitches.unknown && hub.connected) void this.killSwitches.reload().catch(this.lostKillSwitches);
    pool
      .query("DELETE FROM rate_limit_windows WHERE window_start < now() - interval '2 minutes'")
      .catch((error: unknown) => console.error("pruning rate-limit windows failed", error));
    this.presence.prune().catch((error: unknown) => console.error("pruning gate instances failed", error));
  }

  private onRegistryChange(payload: string): void {
    let change: { t?: string; w?: string | null } = {};
    try {
      change = JSON.parse(payload) as typeof change;
    } catch {
      // An unreadable payload still means "something changed": drop everything.
    }
    if (change.t === "service_tokens") return this.tokens.clear();
    this.snapshots.invalidate(change.w ?? null);
  }

  private readonly lostKillSwitches = (error: unknown) => {
    console.error("reloading kill switches failed", error);
    this.killSwitches.markUnknown("the gate could not read the kill switches");
  };
}
