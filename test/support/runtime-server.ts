import { getDb, type TDb } from "@/lib/server/db/client";
import { closeSqlPool } from "@/lib/server/db/pool";
import { notificationHub } from "@/lib/server/db/notifications";
import { generateServiceToken } from "@/lib/server/auth/service-token-secret";
import { runAudited } from "@/lib/server/audit/run-audited";
import type { TSessionUser } from "@/lib/server/authz/principal";
import { startFrontDoor, type TFrontDoor } from "@/lib/server/process/front-door";
import { engageKillSwitchForUser } from "@/lib/server/killswitch/engage-kill-switch-for-user";
import { requestKillSwitchRelease } from "@/lib/server/killswitch/request-kill-switch-release";
import { confirmKillSwitchRelease } from "@/lib/server/killswitch/confirm-kill-switch-release";
import type { TKillSwitchScope } from "@/lib/contracts/killswitch";
import type { TTokenScope } from "@/lib/contracts/tokens";
import { seedDemoData } from "@/prisma/seed";

export type TRuntimeTestServer = {
  url: string;
  db: TDb;
  door: TFrontDoor;
  /** A fresh token for a demo workflow (support-refunds: T0 zendesk.ticket.read, T2 email.send, T3 stripe.refund). */
  mintToken(options?: TMintOptions): Promise<string>;
  user(email: string): Promise<TSessionUser>;
  engage(options: { scope: TKillSwitchScope; target?: string; reason?: string; by?: string }): Promise<string>;
  release(id: string): Promise<void>;
  stop(): Promise<void>;
};

type TMintOptions = { workflowKey?: string; scopes?: TTokenScope[]; environment?: "DEV" | "STAGING" | "PROD"; expiresAt?: Date };

/** A fresh service token for a demo workflow, stored as the registry would store it. */
export async function mintServiceToken(db: TDb, options: TMintOptions = {}): Promise<string> {
  const workflow = await db.workflow.findUniqueOrThrow({ where: { key: options.workflowKey ?? "support-refunds" } });
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tollgate.local" } });
  const { token, prefix, tokenHash } = generateServiceToken();
  await db.serviceToken.create({
    data: {
      workflowId: workflow.id,
      name: `test ${prefix}`,
      prefix,
      tokenHash,
      scopes: options.scopes ?? ["DECIDE", "INGEST", "APPROVE_REQUEST"],
      environment: options.environment ?? workflow.environment,
      expiresAt: options.expiresAt ?? new Date(Date.now() + 86_400_000),
      createdById: admin.id,
    },
  });
  return token;
}

/**
 * The real run-time gate on this test file's database (a clone of the migrated template), seeded
 * with the demo registry, served by the same front door `npm start` runs — without the console.
 */
export async function startRuntimeTestServer(): Promise<TRuntimeTestServer> {
  const db = getDb();
  await seedDemoData({ db });
  const door = await startFrontDoor({ port: 0, host: "127.0.0.1", console: false });

  const user = async (email: string): Promise<TSessionUser> => {
    const found = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, roles: true } });
    return found;
  };
  const actorOf = (u: TSessionUser) => ({ type: "user" as const, id: u.id, label: u.email, requestId: null });

  return {
    url: door.url,
    db,
    door,
    mintToken: (options) => mintServiceToken(db, options),
    user,
    async engage({ scope, target, reason = "test halt", by = "ciso@tollgate.local" }) {
      const who = await user(by);
      const view = await runAudited(db, (tx) =>
        engageKillSwitchForUser({
          tx,
          actor: actorOf(who),
          user: who,
          input: { scope, target: scope === "GLOBAL" ? "*" : target, reason },
        }),
      );
      return view.id;
    },
    async release(id) {
      const first = await user("ciso@tollgate.local");
      const second = await user("security@tollgate.local");
      await runAudited(db, (tx) => requestKillSwitchRelease({ tx, actor: actorOf(first), user: first, id, reason: "test over" }));
      await runAudited(db, (tx) => confirmKillSwitchRelease({ tx, actor: actorOf(second), user: second, id, reason: "test over" }));
    },
    async stop() {
      await door.close();
      await closeSqlPool();
      await notificationHub().close();
      (globalThis as { tollgateNotifications?: unknown }).tollgateNotifications = undefined;
    },
  };
}
