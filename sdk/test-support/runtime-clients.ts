import { runAudited } from "@/lib/server/audit/run-audited";
import { voteOnApproval } from "@/lib/server/approvals/vote-on-approval";
import { startRuntimeTestServer, type TRuntimeTestServer } from "@/test/support/runtime-server";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createTollgate, type TTollgate, type TTollgateOptions } from "../create-tollgate";

/** support-refunds: T0 zendesk.ticket.read, T2 email.send, T3 stripe.refund. */
export const REFUNDS = { model: "anthropic/claude-sonnet-4-5/2025-09-29", dataClasses: ["support-tickets"] };

/**
 * The real gate for this test file, and SDK clients that are closed after each test. Call at the
 * top of a describe block.
 */
export function useRuntimeGate() {
  let server: TRuntimeTestServer | undefined;
  const cleanup: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    server = await startRuntimeTestServer();
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  afterAll(async () => {
    await server?.stop();
  });
  const gate = () => {
    if (!server) throw new Error("the runtime test server is not started");
    return server;
  };
  return {
    gate,
    /** Runs after the current test, before the clients close. */
    later: (step: () => Promise<unknown>) => void cleanup.push(step),
    async client(options: Partial<TTollgateOptions> & { workflowKey?: string } = {}): Promise<TTollgate> {
      const { workflowKey, ...rest } = options;
      const token = await gate().mintToken({ workflowKey });
      const tollgate = createTollgate({ baseUrl: gate().url, token, ...REFUNDS, onError: () => undefined, ...rest });
      cleanup.push(() => tollgate.close({ timeoutMs: 1_000 }));
      return tollgate;
    },
    /** A person's vote through the same domain function the console's route calls. */
    async vote(approvalId: string, email: string, vote: "APPROVE" | "DENY") {
      const user = await gate().user(email);
      const actor = { type: "user" as const, id: user.id, label: user.email, requestId: null };
      return runAudited(gate().db, (tx) =>
        voteOnApproval(tx, { actor, user, id: approvalId, vote: { vote, reason: `${vote.toLowerCase()}d after checking the ticket` } }),
      );
    },
  };
}
