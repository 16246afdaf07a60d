import { describe, expect, it, vi } from "vitest";
import { TOKEN_FORMATS, seededRandom } from "@/test/fixtures/dlp/synthetic-values";
import { TollgateScreenedError, TollgateUnreachableError } from "./errors";
import { useRuntimeGate } from "./test-support/runtime-clients";

const GITHUB = TOKEN_FORMATS.github!(seededRandom(11));
const CARD = "4242 4242 4242 4242";

describe("screening against the real gate", () => {
  const { gate, client } = useRuntimeGate();

  it("screen() answers what may go to the model, recorded in the client's run", async () => {
    const tollgate = await client();
    const run = tollgate.startRun();
    const screening = await run.screen(`Summarise: deploy with ${GITHUB} for ada@example.com`, { kind: "context" });
    expect(screening).toMatchObject({
      outcome: "redact",
      kind: "context",
      content: "Summarise: deploy with [REDACTED:github-token] for ada@example.com",
    });
    await gate().door.gate.decisionLog.flush();
    expect(await gate().db.decision.findFirst({ where: { id: screening.screeningId } })).toMatchObject({
      runId: run.runId,
      tool: "tollgate.screen",
    });
  });

  it("guard with screenResult returns the redacted result, and withholds one the model may not see", async () => {
    const tollgate = await client({ screenToolResults: true });
    const read = vi.fn(async () => ({ subject: "Login broken", body: `my token is ${GITHUB}` }));
    expect(await tollgate.guard("zendesk.ticket.read", { ticketId: "T-1" }, read)).toEqual({
      subject: "Login broken",
      body: "my token is [REDACTED:github-token]",
    });
    const unscreened = await tollgate.guard("zendesk.ticket.read", { ticketId: "T-2" }, read, { screenResult: false });
    expect(unscreened.body).toContain(GITHUB);

    const triage = await client({ workflowKey: "ticket-triage", model: "openai/gpt-4.1/2025-04-14", screenToolResults: true });
    const withCard = vi.fn(async () => ({ body: `card ${CARD}` }));
    const withheld = await triage.guard("zendesk.ticket.read", { ticketId: "T-3" }, withCard).catch((error: unknown) => error);
    expect(withheld).toBeInstanceOf(TollgateScreenedError);
    expect(withheld).toMatchObject({
      code: "dlp_undeclared_class",
      message: expect.stringMatching(/^Tollgate withheld the result of zendesk.ticket.read/),
    });
    expect(String((withheld as Error).message)).not.toContain("4242");
    expect(withCard).toHaveBeenCalledTimes(1);
  });

  it("fails closed when the gate cannot be reached", async () => {
    const tollgate = await client({ baseUrl: "http://127.0.0.1:9", timeoutMs: 500 });
    await expect(tollgate.screen("hello")).rejects.toBeInstanceOf(TollgateUnreachableError);
  });
});
