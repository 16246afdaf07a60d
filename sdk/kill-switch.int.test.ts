import { describe, expect, it, vi } from "vitest";
import type { TTollgate } from "./create-tollgate";
import { TollgateDeniedError } from "./errors";
import type { THaltEvent } from "./kill-switch-lease";
import { startFaultProxy } from "./test-support/start-fault-proxy";
import { useRuntimeGate } from "./test-support/runtime-clients";

const TICKET = { ticketId: "T-1042" };
const nextHalt = (tollgate: TTollgate) => new Promise<THaltEvent>((resolve) => tollgate.onHalt(resolve));
const waitFor = <T>(check: () => T) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

describe("kill switches and the lease, against the real gate", () => {
  const { gate, client, later } = useRuntimeGate();

  async function proxied(options: Parameters<typeof client>[0] = {}) {
    const proxy = await startFaultProxy(gate().url);
    const tollgate = await client({ baseUrl: proxy.url, ...options });
    later(proxy.stop);
    return { proxy, tollgate };
  }

  it("an engaged switch reaches onHalt and denies at once, locally; a release lets calls through again", async () => {
    const tollgate = await client();
    const read = vi.fn(async () => "ticket");
    expect(await tollgate.guard("zendesk.ticket.read", TICKET, read)).toBe("ticket");

    const halted = nextHalt(tollgate);
    const switchId = await gate().engage({ scope: "WORKFLOW", target: "support-refunds", reason: "Refunds sent twice" });
    // Released below; this only keeps a failure here from halting the next tests.
    later(() =>
      gate()
        .release(switchId)
        .catch(() => undefined),
    );
    expect(await halted).toMatchObject({
      haltsEverything: true,
      switch: { id: switchId, scope: "WORKFLOW", reason: "Refunds sent twice" },
    });
    const denied = await tollgate.guard("zendesk.ticket.read", TICKET, read).catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(TollgateDeniedError);
    expect(denied).toMatchObject({ code: "kill_switch_engaged", decision: { source: "local" } });
    expect(read).toHaveBeenCalledTimes(1);

    // A client that connects while the switch is engaged learns it from the first event.
    const late = await client();
    const lateHalt = nextHalt(late);
    await late.decide("zendesk.ticket.read", TICKET);
    expect((await lateHalt).switch.id).toBe(switchId);

    await gate().release(switchId);
    await waitFor(() => expect(tollgate.status().engaged).toEqual([]));
    expect(await tollgate.guard("zendesk.ticket.read", TICKET, read)).toBe("ticket");
  });

  it("a switch on a tool halts that tool only", async () => {
    const tollgate = await client();
    await tollgate.decide("zendesk.ticket.read", TICKET);
    const halted = nextHalt(tollgate);
    const switchId = await gate().engage({ scope: "TOOL", target: "email.send", reason: "Mail loop" });
    later(() => gate().release(switchId));
    expect(await halted).toMatchObject({ haltsEverything: false });
    expect(await tollgate.decide("email.send", { to: "a@example.com", subject: "s", body: "b" })).toMatchObject({
      source: "local",
      reasons: [{ code: "kill_switch_engaged" }],
    });
    expect(await tollgate.decide("zendesk.ticket.read", TICKET)).toMatchObject({ source: "gate", outcome: "allow" });
  });

  it("when the stream goes silent the lease lapses: T1+ denied locally, T0 only with failOpenT0", async () => {
    const strict = await proxied();
    const lenient = await proxied({ failOpenT0: true });
    for (const { tollgate } of [strict, lenient]) {
      expect(await tollgate.decide("zendesk.ticket.read", TICKET)).toMatchObject({ source: "gate", outcome: "allow", tier: "T0" });
      expect(await tollgate.decide("stripe.refund", { chargeId: "ch_1", amount: 100, currency: "EUR" })).toMatchObject({
        source: "gate",
        tier: "T3",
      });
    }
    strict.proxy.freezeStreams();
    lenient.proxy.freezeStreams();
    await waitFor(() => expect([strict.tollgate.status().lease, lenient.tollgate.status().lease]).toEqual(["lapsed", "lapsed"]));

    const lapsed = { source: "local", outcome: "deny", reasons: [{ code: "kill_switch_state_unknown" }] };
    expect(await strict.tollgate.decide("zendesk.ticket.read", TICKET)).toMatchObject(lapsed);
    expect(await lenient.tollgate.decide("stripe.refund", { chargeId: "ch_1", amount: 100, currency: "EUR" })).toMatchObject(lapsed);
    expect(await lenient.tollgate.decide("email.send", { to: "a@example.com", subject: "s", body: "b" })).toMatchObject(lapsed);
    const refund = vi.fn();
    await expect(strict.tollgate.guard("stripe.refund", { chargeId: "ch_1", amount: 100, currency: "EUR" }, refund)).rejects.toMatchObject({
      code: "kill_switch_state_unknown",
    });
    expect(refund).not.toHaveBeenCalled();
    const decisionsAsked = (proxy: typeof strict.proxy) => proxy.requests.filter((r) => r.route === "POST /api/v1/decisions").length;
    expect(decisionsAsked(strict.proxy) + decisionsAsked(lenient.proxy)).toBe(4);

    // failOpenT0 lets a T0 call go to the gate, which still has the last word.
    expect(await lenient.tollgate.guard("zendesk.ticket.read", TICKET, async () => "ticket")).toBe("ticket");
    expect(decisionsAsked(lenient.proxy)).toBe(3);
  });

  it("reconnects when the stream is hung up and holds the lease again", async () => {
    const { proxy, tollgate } = await proxied();
    await tollgate.decide("zendesk.ticket.read", TICKET);
    const streams = () => proxy.requests.filter((r) => r.route === "GET /api/v1/killswitch/stream").length;
    expect(streams()).toBe(1);
    proxy.dropStreams();
    await waitFor(() => expect(streams()).toBe(2));
    await waitFor(() => expect(tollgate.status().lease).toBe("held"));
    expect(await tollgate.decide("zendesk.ticket.read", TICKET)).toMatchObject({ source: "gate", outcome: "allow" });
  });
});
