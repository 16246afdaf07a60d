import { TollgateDeniedError, type TTollgate } from "@/sdk";
import { TOOL_LATENCY_MS, type TProfile } from "@/prisma/seed-history/fleet";
import type { TRandom } from "@/prisma/seed-history/random";
import { argumentsFor } from "@/prisma/seed-history/tool-arguments";

// One simulated automation of the demo fleet, live: the same habits as in the seeded history
// (prisma/seed-history/fleet.ts), but through the SDK against the running gate, in real time.

export type TLiveAgent = {
  profile: TProfile;
  tollgate: TTollgate;
  model: string;
  random: TRandom;
  print: (line: string) => void;
  signal: AbortSignal;
};

export type TAgentTally = { runs: number; allowed: number; denied: number; failed: number };

/** Resolves after `ms`, or at once when the fleet stops. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/** A stand-in for the real tool: it takes about as long, and fails about as often. */
function fakeTool(tool: string, random: TRandom, signal: AbortSignal) {
  return async () => {
    await sleep(Math.min(8_000, Math.round(random.logNormal(TOOL_LATENCY_MS[tool] ?? 300, 0.45))), signal);
    if (random.chance(0.015)) throw new Error(`${tool}: upstream 503 Service Unavailable`);
    return { ok: true };
  };
}

/** One run: think, call each step through guard(), report what happened; answers how it ended. */
export async function runOnce(agent: TLiveAgent, tally: TAgentTally): Promise<void> {
  const { profile, tollgate, random, print, signal } = agent;
  const run = tollgate.startRun({ data: { trigger: "demo-fleet" } });
  tally.runs++;
  const steps = profile.recipe(random, { needsApproval: false }).flatMap((step) => Array.from({ length: step.repeat ?? 1 }, () => step));
  if (profile.strayTool && random.chance(profile.strayTool.probability * 10))
    steps.push({ tool: profile.strayTool.tool, essential: false });
  let outcome: "success" | "failure" | "cancelled" = "success";
  for (const step of steps) {
    const thinkMs = Math.round(random.logNormal(900, 0.5));
    await sleep(thinkMs, signal);
    if (signal.aborted) return run.end({ outcome: "cancelled" });
    const model = profile.strayModel && random.chance(profile.strayModel.probability * 10) ? profile.strayModel.model : agent.model;
    run.report({ type: "model_call", model, outcome: "success", latencyMs: thinkMs, data: { tokens: random.int(300, 4_000) } });
    // Ten times the history's mistakes: a few minutes of watching should show each kind of denial.
    const faults = Object.fromEntries(Object.entries(profile.faults).map(([fault, p]) => [fault, Math.min(0.3, p * 10)]));
    const args = argumentsFor(faults, step.tool, random);
    const startedAt = performance.now();
    try {
      await run.guard(step.tool, args, fakeTool(step.tool, random, signal), { model, signal });
      tally.allowed++;
      print(`${step.tool.padEnd(26)} allowed, ran in ${Math.round(performance.now() - startedAt)} ms`);
    } catch (error) {
      if (signal.aborted) return run.end({ outcome: "cancelled" });
      if (error instanceof TollgateDeniedError) {
        tally.denied++;
        print(`${step.tool.padEnd(26)} DENIED ${error.code}: ${error.reasons[0]?.message ?? ""}`);
        if (!step.essential) continue;
      } else {
        tally.failed++;
        print(`${step.tool.padEnd(26)} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      outcome = "failure";
      break;
    }
  }
  run.end({ outcome });
}
