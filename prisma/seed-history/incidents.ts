import type { TKillSwitchScope } from "@/lib/contracts/killswitch";
import type { TRandom } from "./random";

// The month's bad days, drawn at random times: a model provider down, a tool failing, a ticket
// storm, a bulk job hammering a rate limit; and the kill switches people pulled (two drills, one
// real halt, one still engaged). Which ones happen is the story; when and how long is generated.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type TIncident =
  | { kind: "provider-outage"; provider: string; from: number; to: number }
  | { kind: "tool-outage"; tool: string; from: number; to: number }
  | { kind: "ticket-storm"; from: number; to: number }
  | { kind: "bulk-backfill"; from: number; to: number };

export type TKillSwitchPlan = {
  scope: Exclude<TKillSwitchScope, "GLOBAL">;
  target: string;
  reason: string;
  engageAt: number;
  engagedBy: string;
  release: { requestAt: number; requestedBy: string; confirmAt: number; confirmedBy: string; reason: string } | null;
};

export type TIncidentPlan = { incidents: TIncident[]; killSwitches: TKillSwitchPlan[] };

export const SECURITY_PEOPLE = ["ciso@tollgate.local", "security@tollgate.local"] as const;

/** A working-day moment in [fromDay, toDay) of the history, between fromHour and toHour UTC. */
function workingMoment(random: TRandom, start: number, fromDay: number, toDay: number, fromHour: number, toHour: number): number {
  for (let tries = 0; ; tries++) {
    const day = Math.floor((start + random.int(fromDay, Math.max(fromDay, toDay - 1)) * DAY) / DAY) * DAY;
    const weekday = new Date(day).getUTCDay();
    // A range of weekend days only (a short window) takes a weekend day.
    if ((weekday === 0 || weekday === 6) && tries < 20) continue;
    return day + random.int(fromHour * 60, toHour * 60 - 1) * MINUTE;
  }
}

function released(random: TRandom, engageAt: number, minutes: [number, number], reason: string): TKillSwitchPlan["release"] {
  const [requestedBy, confirmedBy] = random.chance(0.5) ? SECURITY_PEOPLE : [SECURITY_PEOPLE[1], SECURITY_PEOPLE[0]];
  const requestAt = engageAt + random.int(minutes[0], minutes[1]) * MINUTE;
  return { requestAt, requestedBy, confirmAt: requestAt + random.int(2, 12) * MINUTE, confirmedBy, reason };
}

/** Scaled to any window of 7 days or more; a shorter one gets what fits. */
export function planIncidents(random: TRandom, options: { from: number; to: number }): TIncidentPlan {
  const { from, to } = options;
  const days = Math.max(1, Math.floor((to - from) / DAY));
  const part = (share: number) => Math.max(1, Math.floor(days * share));
  // Still engaged at the end: a day or two before it, so its denials show in the last 24 h and 7 d.
  const stuckAt = Math.max(from, to - random.int(26, 60) * HOUR);
  const beforeStuck = Math.max(1, Math.floor((stuckAt - from) / DAY) - 1);
  const outageAt = workingMoment(random, from, part(0.15), part(0.45) + 1, 9, 14);
  const toolOutageAt = workingMoment(random, from, part(0.5), part(0.7) + 1, 8, 16);
  const stormAt = workingMoment(random, from, part(0.3), part(0.6) + 1, 9, 13);
  // Before the workflow it hammers is halted for good.
  const backfillAt = workingMoment(random, from, Math.min(part(0.6), beforeStuck), Math.min(part(0.85), beforeStuck) + 1, 1, 3);
  const incidents: TIncident[] = [
    { kind: "provider-outage", provider: "openai", from: outageAt, to: outageAt + random.int(50, 140) * MINUTE },
    { kind: "tool-outage", tool: "zendesk.ticket.read", from: toolOutageAt, to: toolOutageAt + random.int(40, 120) * MINUTE },
    { kind: "ticket-storm", from: stormAt, to: stormAt + random.int(2, 4) * HOUR },
    { kind: "bulk-backfill", from: backfillAt, to: backfillAt + random.int(10, 25) * MINUTE },
  ];

  const drillAt = workingMoment(random, from, part(0.1), part(0.3) + 1, 9, 11);
  const secondDrillAt = workingMoment(random, from, part(0.55), part(0.75) + 1, 14, 16);
  const haltAt = workingMoment(random, from, part(0.4), part(0.6) + 1, 10, 15);
  const person = () => random.pick(SECURITY_PEOPLE);
  const killSwitches: TKillSwitchPlan[] = [
    {
      scope: "WORKFLOW",
      target: "support-refunds",
      reason: "Quarterly kill-switch drill: refunds halted and resumed by the book",
      engageAt: drillAt,
      engagedBy: person(),
      release: released(random, drillAt, [12, 25], "Drill complete: the agent stopped within seconds and queued work was handled by hand"),
    },
    {
      scope: "WORKFLOW",
      target: "ticket-triage",
      reason: "Kill-switch drill for the triage agent (runbook step 3)",
      engageAt: secondDrillAt,
      engagedBy: person(),
      release: released(random, secondDrillAt, [8, 20], "Drill complete; on-call confirmed tickets were routed by hand meanwhile"),
    },
    {
      scope: "TOOL",
      target: "email.send",
      reason: "Customers received a refund e-mail with the wrong template; stop all outbound e-mail until it is fixed",
      engageAt: haltAt,
      engagedBy: person(),
      release: released(random, haltAt, [70, 180], "Template fixed and verified on staging; outbound e-mail may resume"),
    },
    {
      scope: "WORKFLOW",
      target: "crm-hygiene",
      reason: "The staging CRM job merged production contacts; halted until its credentials are fixed",
      engageAt: stuckAt,
      engagedBy: person(),
      release: null,
    },
  ];
  return { incidents: incidents.filter((i) => i.from < to), killSwitches: killSwitches.filter((k) => k.engageAt < to) };
}

/** What is going wrong at `at`, for one run to feel. */
export function effectsAt(plan: TIncidentPlan, at: number) {
  const active = plan.incidents.filter((i) => i.from <= at && at < i.to);
  return {
    providerDown: (model: string) => active.some((i) => i.kind === "provider-outage" && model.startsWith(`${i.provider}/`)),
    toolDegraded: (tool: string) => active.some((i) => i.kind === "tool-outage" && i.tool === tool),
    /** Extra inbound tickets during a storm. */
    triageLoad: active.some((i) => i.kind === "ticket-storm") ? 4 : 1,
    backfill: active.some((i) => i.kind === "bulk-backfill"),
  };
}
