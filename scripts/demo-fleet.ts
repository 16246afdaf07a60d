import { setMaxListeners } from "node:events";
import { parseArgs } from "node:util";
import { createServiceTokenOperation, revokeServiceTokenOperation } from "@/lib/contracts/api-catalog/registry-operations";
import { getWorkflowOperation, listWorkflowsOperation } from "@/lib/contracts/api-catalog/workflow-operations";
import { createTollgate } from "@/sdk";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-data";
import { FLEET, SHADOW_FLEET } from "@/prisma/seed-history/fleet";
import { createRandom } from "@/prisma/seed-history/random";
import { ConsoleSession } from "./demo-fleet/console-session";
import { runOnce, sleep, type TAgentTally, type TLiveAgent } from "./demo-fleet/run-agent";

// `npm run demo:fleet`: simulated automations calling the running gate through the SDK, so the
// dashboard, the approval queue and the runs pages move while you watch. It signs in as the demo
// admin, mints one short-lived service token per demo workflow, and revokes them when it stops.

const { values: flags } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    email: { type: "string", default: DEMO_USERS.find((u) => u.roles.includes("ADMIN"))?.email ?? "admin@tollgate.local" },
    password: { type: "string", default: DEMO_PASSWORD },
    "runs-per-minute": { type: "string", default: "8" },
  },
});
const baseUrl = flags.url.replace(/\/$/, "");
const runsPerMinute = Math.max(0.1, Number(flags["runs-per-minute"]) || 8);
const MAX_RUNS_IN_FLIGHT = 4;
const stopping = new AbortController();
// Every guarded call links its own signal to this one (the SDK's AbortSignal.any): many, on purpose.
setMaxListeners(0, stopping.signal);
const time = () => new Date().toISOString().slice(11, 19);
const say = (line: string) => console.log(`${time()}  ${line}`);

type TMinted = { workflowId: string; tokenId: string; key: string };

/** Prints a request for approval as the gate opens it (the SDK then waits for people in the console). */
function watchApprovals(key: string): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.ok && String(input instanceof Request ? input.url : input).endsWith("/api/v1/decisions")) {
      const body = (await response.clone().json()) as {
        outcome?: string;
        tool?: string;
        approvalId?: string;
        reasons?: { code: string }[];
      };
      if (body.outcome === "require_approval" && body.approvalId && body.reasons?.[0]?.code === "approval_required")
        say(`${key.padEnd(18)} ${String(body.tool).padEnd(26)} waits for approval: ${baseUrl}/approvals/${body.approvalId}`);
    }
    return response;
  };
}

async function mintAgents(session: ConsoleSession, minted: TMinted[]): Promise<TLiveAgent[]> {
  const { items } = await session.call(listWorkflowsOperation, { query: { pageSize: 100 } });
  const agents: TLiveAgent[] = [];
  const random = createRandom(Date.now() >>> 0);
  for (const profile of FLEET) {
    const summary = items.find((w) => w.key === profile.key);
    if (!summary) continue;
    const detail = await session.call(getWorkflowOperation, { params: { id: summary.id } });
    const model = detail.models.map((m) => m.ref).sort()[0];
    if (!model || detail.status === "DRAFT" || detail.status === "RETIRED") continue;
    const body = { name: `demo-fleet ${time()}`, scopes: ["DECIDE", "INGEST", "APPROVE_REQUEST"], expiresInDays: 1 };
    const issued = await session.call(createServiceTokenOperation, { params: { id: summary.id }, body });
    minted.push({ workflowId: summary.id, tokenId: issued.token.id, key: profile.key });
    const print = (line: string) => say(`${profile.key.padEnd(18)} ${line}`);
    const tollgate = createTollgate({
      baseUrl,
      token: issued.secret,
      model,
      dataClasses: detail.dataClasses.map((d) => d.key),
      fetch: watchApprovals(profile.key),
      onError: (error) => print(`SDK: ${error instanceof Error ? error.message : String(error)}`),
    });
    agents.push({ profile, tollgate, model, random: random.fork(profile.key), print, signal: stopping.signal });
  }
  return agents;
}

/** Starts runs at random (Poisson) moments, busy agents more often, at most a few in flight each (approvals wait long). */
async function drive(agent: TLiveAgent, share: number, tally: TAgentTally): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let halted = false;
  while (!stopping.signal.aborted) {
    const meanMs = 60_000 / (runsPerMinute * share);
    await sleep(-Math.log(1 - agent.random.next()) * meanMs, stopping.signal);
    if (stopping.signal.aborted || inFlight.size >= MAX_RUNS_IN_FLIGHT) continue;
    // A well-behaved automation stops starting runs while a kill switch halts its workflow.
    const { engaged, workflowKey } = agent.tollgate.status();
    const halt = engaged.find((s) => s.scope === "GLOBAL" || (s.scope === "WORKFLOW" && s.target === workflowKey));
    if (halt && !halted) agent.print(`halted by a kill switch (${halt.reason}); waiting for its release`);
    if (!halt && halted) agent.print("released: starting runs again");
    halted = Boolean(halt);
    if (halted) continue;
    const run = runOnce(agent, tally).catch((error: unknown) => agent.print(`run failed: ${String(error)}`));
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
    // Now and then an automation nobody registered reports through this token: a shadow workflow.
    const shadow = SHADOW_FLEET.find((s) => s.reportsWith === agent.profile.key);
    if (shadow && agent.random.chance(0.15)) agent.tollgate.report({ type: "run_started", workflowKey: shadow.key, data: {} });
  }
  await Promise.all(inFlight);
}

async function main(): Promise<void> {
  const stop = () => {
    if (stopping.signal.aborted) process.exit(1);
    say("stopping: ending runs, flushing events, revoking tokens (Ctrl-C again to quit at once)…");
    stopping.abort();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const session = new ConsoleSession(baseUrl);
  await session.signIn(flags.email, flags.password).catch((error: unknown) => {
    throw new Error(
      `Could not reach Tollgate at ${baseUrl} (${error instanceof Error ? error.message : String(error)}). Start it with npm start, or pass --url.`,
    );
  });
  const minted: TMinted[] = [];
  const tallies = new Map<string, TAgentTally>();
  try {
    const agents = await mintAgents(session, minted);
    const total = agents.reduce((sum, a) => sum + a.profile.runsPerDay, 0);
    say(`signed in as ${flags.email}; ${agents.length} agents with fresh tokens, about ${runsPerMinute} runs a minute. Ctrl-C stops.`);
    await Promise.all(
      agents.map((agent) => {
        const tally = { runs: 0, allowed: 0, denied: 0, failed: 0 };
        tallies.set(agent.profile.key, tally);
        return drive(agent, agent.profile.runsPerDay / total, tally);
      }),
    );
    await Promise.all(agents.map((agent) => agent.tollgate.close({ timeoutMs: 5_000 })));
  } finally {
    for (const token of minted) {
      await session
        .call(revokeServiceTokenOperation, { params: { id: token.workflowId, tokenId: token.tokenId } })
        .catch((error: unknown) => say(`could not revoke the ${token.key} token: ${String(error)}`));
    }
    if (minted.length) say(`revoked ${minted.length} demo-fleet tokens`);
    for (const [key, t] of tallies)
      say(`${key.padEnd(18)} ${t.runs} runs: ${t.allowed} calls allowed, ${t.denied} denied, ${t.failed} failed`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
