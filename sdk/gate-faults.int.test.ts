import { describe, expect, it, vi } from "vitest";
import type { TRunEvent } from "@/lib/contracts/events";
import { createTollgate } from "./create-tollgate";
import { TollgateDeniedError } from "./errors";
import { startFaultProxy } from "./test-support/start-fault-proxy";
import { REFUNDS, useRuntimeGate } from "./test-support/runtime-clients";
import { unusedPort } from "./test-support/start-local-server";

const TICKET = { ticketId: "T-1042" };
const REFUND = { chargeId: "ch_1", amount: 100, currency: "EUR" };

describe("when the gate cannot answer", () => {
  const { gate, client, later } = useRuntimeGate();

  async function proxied(options: Parameters<typeof client>[0] = {}) {
    const proxy = await startFaultProxy(gate().url);
    const tollgate = await client({ baseUrl: proxy.url, ...options });
    later(proxy.stop);
    const decisions = () =>
      proxy.requests.filter((r) => r.route === "POST /api/v1/decisions").map((r) => JSON.parse(r.body) as { decisionId: string });
    return { proxy, tollgate, decisions };
  }

  it("a client that never reached a gate denies every call, T0 included, and never runs the tool", async () => {
    const token = await gate().mintToken();
    const tollgate = createTollgate({
      baseUrl: `http://127.0.0.1:${await unusedPort()}`,
      token,
      ...REFUNDS,
      failOpenT0: true,
      onError: () => undefined,
    });
    later(() => tollgate.close({ timeoutMs: 0 }));
    const read = vi.fn();
    const denied = await tollgate.guard("zendesk.ticket.read", TICKET, read).catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(TollgateDeniedError);
    expect(denied).toMatchObject({ code: "kill_switch_state_unknown", decision: { source: "local", tier: null } });
    expect(read).not.toHaveBeenCalled();
  });

  it("a token the gate refuses: every call is denied and the denial says what is wrong with the token", async () => {
    const tollgate = createTollgate({
      baseUrl: gate().url,
      token: `tg_abcdefghij_${"A".repeat(43)}`,
      ...REFUNDS,
      onError: () => undefined,
    });
    later(() => tollgate.close({ timeoutMs: 0 }));
    await expect(tollgate.guard("zendesk.ticket.read", TICKET, vi.fn())).rejects.toMatchObject({
      code: "kill_switch_state_unknown",
      message: expect.stringContaining("The service token is not recognised"),
    });
  });

  it("decisions failing with the lease held: T1+ denied, T0 allowed only with failOpenT0", async () => {
    const strict = await proxied({ decideRetry: { attempts: 1 } });
    const lenient = await proxied({ decideRetry: { attempts: 1 }, failOpenT0: true });
    for (const { tollgate, proxy } of [strict, lenient]) {
      await tollgate.decide("zendesk.ticket.read", TICKET);
      await tollgate.decide("stripe.refund", REFUND);
      proxy.control.failNext.set("POST /api/v1/decisions", 100);
    }
    const unreachable = { source: "local", outcome: "deny", reasons: [{ code: "gate_unreachable" }] };
    expect(await strict.tollgate.decide("zendesk.ticket.read", TICKET)).toMatchObject({ ...unreachable, tier: "T0" });
    expect(await lenient.tollgate.decide("stripe.refund", REFUND)).toMatchObject({ ...unreachable, tier: "T3" });
    expect(await lenient.tollgate.decide("email.send", { to: "a@example.com", subject: "s", body: "b" })).toMatchObject({
      ...unreachable,
      tier: null,
    });
    expect(await lenient.tollgate.decide("zendesk.ticket.read", TICKET)).toMatchObject({
      source: "local",
      outcome: "allow",
      reasons: [{ code: "fail_open_t0" }],
    });
    expect(await lenient.tollgate.guard("zendesk.ticket.read", TICKET, async () => "ticket")).toBe("ticket");
  });

  it("retries a 503 with the same decision id and gets the gate's answer", async () => {
    const { proxy, tollgate, decisions } = await proxied();
    proxy.control.failNext.set("POST /api/v1/decisions", 1);
    const decision = await tollgate.decide("zendesk.ticket.read", TICKET);
    expect(decision).toMatchObject({ source: "gate", outcome: "allow" });
    const [first, retry] = decisions();
    expect(retry?.decisionId).toBe(first?.decisionId);
    expect(decision.source === "gate" && decision.decisionId).toBe(first?.decisionId);
  });

  it("a gate that stops answering times out and fails closed", async () => {
    const { proxy, tollgate, decisions } = await proxied({
      timeoutMs: 300,
      decideRetry: { attempts: 2, backoff: { initialMs: 10, maxMs: 10 } },
    });
    await tollgate.decide("stripe.refund", REFUND);
    proxy.control.hang.add("POST /api/v1/decisions");
    const refund = vi.fn();
    await expect(tollgate.guard("stripe.refund", REFUND, refund)).rejects.toMatchObject({ code: "gate_unreachable" });
    expect(refund).not.toHaveBeenCalled();
    expect(decisions()).toHaveLength(3);
  });

  it("events resent after 503s are stored once each (same ids)", async () => {
    const { proxy, tollgate } = await proxied({
      batching: { batchSize: 1_000, flushIntervalMs: 60_000, retry: { initialMs: 10, maxMs: 50 } },
    });
    proxy.control.failNext.set("POST /api/v1/events", 2);
    const run = tollgate.startRun();
    const ids = Array.from({ length: 20 }, (_, i) => run.report({ type: "model_call", model: REFUNDS.model, latencyMs: i }));
    run.end();
    await tollgate.flush();

    const batches = proxy.requests
      .filter((r) => r.route === "POST /api/v1/events")
      .map((r) => (JSON.parse(r.body) as { events: TRunEvent[] }).events.map((e) => e.id));
    expect(batches).toHaveLength(3);
    expect(batches[1]).toEqual(batches[0]);
    expect(batches[2]).toEqual(batches[0]);
    const stored = await gate().db.runEvent.findMany({ where: { run: { externalId: run.runId } }, select: { id: true } });
    expect(stored.map((e) => e.id).sort()).toEqual([...(batches[0] ?? [])].sort());
    expect(batches[0]).toEqual(expect.arrayContaining(ids));
  });
});
