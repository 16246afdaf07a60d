import { describe, expect, it, vi } from "vitest";
import { TollgateDeniedError } from "./errors";
import { useRuntimeGate } from "./test-support/runtime-clients";

const waitFor = <T>(check: () => T) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

describe("what the real gate refuses, as the SDK sees it", () => {
  const { gate, client } = useRuntimeGate();

  it("loses the lease at once when its token is revoked, and denies calls instead of holding a stale lease", async () => {
    const errors: unknown[] = [];
    const tollgate = await client({ onError: (error) => errors.push(error), lease: { leaseMs: 60_000 } });
    await tollgate.decide("zendesk.ticket.read", { ticketId: "T-1" });
    expect(tollgate.status().lease).toBe("held");

    const token = await gate().db.serviceToken.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { id: true } });
    await gate().db.serviceToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    // A lease of a minute: only the gate's `closed` event can end it this soon.
    await waitFor(() => expect(tollgate.status().lease).toBe("lapsed"));
    expect(errors.map(String).join("\n")).toContain("The kill-switch stream was closed: The service token has been revoked");
    const denied = await tollgate.guard("zendesk.ticket.read", { ticketId: "T-1" }, () => "read").catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(TollgateDeniedError);
    expect(denied).toMatchObject({ code: "kill_switch_state_unknown", decision: { source: "local" } });
  });

  it("reports an event id already used for other content to onError once, and does not resend it", async () => {
    const errors: unknown[] = [];
    const first = await client();
    const second = await client({ onError: (error) => errors.push(error) });
    const id = crypto.randomUUID();
    first.report({ id, type: "model_call", data: { prompt: "first" } });
    await first.flush();
    second.report({ id, type: "model_call", data: { prompt: "second" } });
    await second.flush();
    expect(second.status().queuedEvents).toBe(0);
    expect(errors.map(String)).toEqual([
      expect.stringContaining(
        `Tollgate refused event ${id}: events.0.id: Event ${id} of workflow support-refunds was already received with other content`,
      ),
    ]);
    const stored = await gate().db.runEvent.findMany({ where: { id }, select: { data: true } });
    expect(stored).toEqual([{ data: { prompt: "first" } }]);
  });
});
