import type { TServicePrincipal } from "@/lib/server/authz/principal";
import { SHADOW_FLEET } from "./fleet";
import type { TKillSwitchStep } from "./history-kill-switches";
import { effectsAt } from "./incidents";
import type { TRandom } from "./random";
import { activityAt, hourOf } from "./rhythm";
import { reportShadowRun } from "./shadow-runs";
import { simulateRun, type TAgent, type TPlannedRun, type TSimulation } from "./simulate-run";

// One day of the history: how many runs each agent starts in each hour (a Poisson draw around its
// rhythm), the shadow automations' runs, and the kill-switch steps that fall in it, played in time order.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type TItem =
  | { at: number; kind: "run"; agent: TAgent; run: TPlannedRun }
  | { at: number; kind: "shadow"; apply: () => void }
  | { at: number; kind: "switch"; step: TKillSwitchStep };

/** Workflows whose agents ask people first; the requests still waiting at the end come from them. */
const ASKS_PEOPLE = ["support-refunds", "access-requests", "incident-notifier", "crm-hygiene"];

export type TDay = {
  sim: TSimulation;
  agents: readonly TAgent[];
  shadowPrincipals: ReadonlyMap<string, TServicePrincipal>;
  switchSteps: readonly TKillSwitchStep[];
  random: TRandom;
  index: number;
  /** How many days the whole history has. */
  days: number;
  from: number;
  to: number;
  scale: number;
};

function plannedRuns(day: TDay): TItem[] {
  const { sim, random, from, to } = day;
  const items: TItem[] = [];
  const inDay = (at: number) => at >= from && at < to && at < sim.end;
  for (let hour = hourOf(from); hour < to; hour += HOUR) {
    const draw = random.fork(hour);
    const effects = effectsAt(sim.plan, hour + 30 * MINUTE);
    for (const agent of day.agents) {
      const { activeDays, runsPerDay, rhythm, key } = agent.profile;
      if (activeDays && (day.index < activeDays[0] || day.index > activeDays[1])) continue;
      const load = key === "ticket-triage" ? effects.triageLoad : 1;
      const count = draw.poisson((runsPerDay / 24) * activityAt(rhythm, hour) * day.scale * load);
      for (let i = 0; i < count; i++) {
        const at = hour + Math.floor(draw.next() * HOUR);
        if (inDay(at))
          items.push({ at, kind: "run", agent, run: { startAt: at, random: draw.fork(`${key}#${i}`), options: { needsApproval: false } } });
      }
    }
    for (const shadow of SHADOW_FLEET) {
      const principal = day.shadowPrincipals.get(shadow.key);
      if (!principal || day.index < Math.floor(shadow.appearsAt * day.days)) continue;
      const count = draw.poisson((shadow.runsPerDay / 24) * activityAt("business-hours", hour) * day.scale);
      for (let i = 0; i < count; i++) {
        const at = hour + Math.floor(draw.next() * HOUR);
        const random = draw.fork(`${shadow.key}#${i}`);
        const report = () =>
          reportShadowRun({
            events: sim.events,
            principal,
            workflowKey: shadow.key,
            tools: shadow.tools,
            model: "openai/gpt-4o-mini/2024-07-18",
            random,
            startAt: at,
            end: sim.end,
          });
        if (inDay(at)) items.push({ at, kind: "shadow", apply: () => (report(), sim.tally.shadowRuns++) });
      }
    }
  }
  return items;
}

/** Runs no rhythm would start: the bulk backfill that hammers a rate limit, and requests people have not answered yet. */
function specialRuns(day: TDay): TItem[] {
  const { sim, random, from, to } = day;
  const items: TItem[] = [];
  const crm = day.agents.find((a) => a.profile.key === "crm-hygiene");
  for (const incident of sim.plan.incidents) {
    if (incident.kind !== "bulk-backfill" || incident.from < from || incident.from >= to || !crm) continue;
    const run = {
      startAt: incident.from,
      random: random.fork("backfill"),
      options: { needsApproval: false },
      runaway: random.int(200, 300),
    };
    items.push({ at: incident.from, kind: "run", agent: crm, run });
  }
  const { awayFrom } = sim.approvers;
  const askers = day.agents.filter((a) => ASKS_PEOPLE.includes(a.profile.key));
  if (awayFrom >= from && awayFrom < to && askers.length) {
    const waiting = random.fork("waiting");
    for (let i = waiting.int(3, 5); i > 0; i--) {
      const at = awayFrom + Math.floor(waiting.next() * Math.max(1, sim.end - awayFrom - 2 * MINUTE));
      items.push({
        at,
        kind: "run",
        agent: waiting.pick(askers),
        run: { startAt: at, random: waiting.fork(i), options: { needsApproval: true } },
      });
    }
  }
  return items;
}

// Runs played side by side, this many at a time: enough to overlap the gate's and Postgres's
// waits, few enough that audited transactions (serialised by the audit chain) never queue long.
const CONCURRENT_RUNS = 6;

async function playRuns(sim: TSimulation, runs: Extract<TItem, { kind: "run" }>[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let item = runs[next++]; item; item = runs[next++]) await simulateRun(sim, item.agent, item.run);
  };
  await Promise.all(Array.from({ length: CONCURRENT_RUNS }, worker));
}

export async function simulateDay(day: TDay): Promise<void> {
  const switches: TItem[] = day.switchSteps
    .filter((s) => s.at >= day.from && s.at < day.to)
    .map((step) => ({ at: step.at, kind: "switch", step }));
  const items = [...plannedRuns(day), ...specialRuns(day), ...switches].sort((a, b) => a.at - b.at);
  let pending: Extract<TItem, { kind: "run" }>[] = [];
  for (const item of items) {
    if (item.kind === "run") pending.push(item);
    else if (item.kind === "shadow") item.apply();
    else {
      // A kill switch is a barrier: what started before it is played first, with the switch as it was.
      await playRuns(day.sim, pending);
      pending = [];
      await item.step.apply();
    }
  }
  await playRuns(day.sim, pending);
}
