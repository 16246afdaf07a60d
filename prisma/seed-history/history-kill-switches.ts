import { runAudited } from "@/lib/server/audit/run-audited";
import { actorOf, type TSessionUser } from "@/lib/server/authz/principal";
import type { TDb } from "@/lib/server/db/client";
import type { RuntimeGate } from "@/lib/server/decisions/runtime/runtime-gate";
import { awaitKillSwitchPropagation } from "@/lib/server/killswitch/await-kill-switch-propagation";
import { confirmKillSwitchRelease } from "@/lib/server/killswitch/confirm-kill-switch-release";
import { engageKillSwitchForUser } from "@/lib/server/killswitch/engage-kill-switch-for-user";
import { requestKillSwitchRelease } from "@/lib/server/killswitch/request-kill-switch-release";
import type { TKillSwitchPlan } from "./incidents";

// Kill switches pulled and released by the demo's Security people, through the functions the
// console's routes call, each at its moment in the history.

export type TKillSwitchStep = { at: number; apply: () => Promise<void> };

const NOT_LEFT_BEHIND_MS = 5_000;

async function untilReleased(gate: RuntimeGate, plan: TKillSwitchPlan): Promise<void> {
  // The gate hears of a release by NOTIFY: later decisions of the history must not still see it engaged.
  const deadline = Date.now() + NOT_LEFT_BEHIND_MS;
  while (gate.killSwitches.engaged({ scope: plan.scope, target: plan.target })) {
    if (Date.now() > deadline) throw new Error(`the gate still holds the ${plan.scope} kill switch on ${plan.target} after its release`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The steps of one plan (engage; request and confirm a release), for the history's timeline. */
export function killSwitchSteps(options: {
  db: TDb;
  gate: RuntimeGate;
  people: ReadonlyMap<string, TSessionUser>;
  plan: TKillSwitchPlan;
  end: number;
}): TKillSwitchStep[] {
  const { db, gate, plan } = options;
  const person = (email: string) => {
    const user = options.people.get(email);
    if (!user) throw new Error(`the demo history needs the demo user ${email}`);
    return { user, actor: actorOf({ kind: "user", user }, null) };
  };
  // Found again by its engage time, so a resumed seeding neither engages twice nor loses the id.
  const find = () =>
    db.killSwitch.findFirst({
      where: { scope: plan.scope, target: plan.target, engagedAt: new Date(plan.engageAt) },
      select: { id: true, releaseRequestedAt: true, releasedAt: true },
    });
  const existing = async () => {
    const row = await find();
    if (!row) throw new Error(`the ${plan.scope} kill switch on ${plan.target} was never engaged`);
    return row;
  };
  const engage: TKillSwitchStep = {
    at: plan.engageAt,
    apply: async () => {
      if (await find()) return;
      const { user, actor } = person(plan.engagedBy);
      const input = { scope: plan.scope, target: plan.target, reason: plan.reason };
      const view = await runAudited(db, (tx) => engageKillSwitchForUser({ tx, actor, user, input, now: new Date(plan.engageAt) }));
      // Every gate, this history's included, acknowledges before the next decision is made.
      await awaitKillSwitchPropagation({ db, killSwitchId: view.id });
    },
  };
  const release = plan.release;
  if (!release || release.confirmAt > options.end) return [engage];
  return [
    engage,
    {
      at: release.requestAt,
      apply: async () => {
        const row = await existing();
        if (row.releaseRequestedAt) return;
        const { user, actor } = person(release.requestedBy);
        const now = new Date(release.requestAt);
        await runAudited(db, (tx) => requestKillSwitchRelease({ tx, actor, user, id: row.id, reason: release.reason, now }));
      },
    },
    {
      at: release.confirmAt,
      apply: async () => {
        const row = await existing();
        if (!row.releasedAt) {
          const { user, actor } = person(release.confirmedBy);
          await runAudited(db, (tx) => confirmKillSwitchRelease({ tx, actor, user, id: row.id, now: new Date(release.confirmAt) }));
        }
        await untilReleased(gate, plan);
      },
    },
  ];
}
