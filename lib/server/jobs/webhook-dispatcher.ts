import "server-only";
import { getDb } from "../db/client";
import { notificationHub } from "../db/notifications";
import { deliverDueWebhooks, DELIVERY_BATCH_SIZE } from "../webhooks/deliver-due-webhooks";
import { logJobFailure, type TBackgroundJob } from "./background-job";

// Retries come due without a notification; this is how late one can be.
const POLL_MS = 5_000;

/**
 * Delivers due webhooks: at once on each new delivery (NOTIFY tollgate_webhook), after every
 * reconnect of the LISTEN connection, and every few seconds for due retries. Passes never overlap
 * within a process; across processes `deliverDueWebhooks` claims with `FOR UPDATE SKIP LOCKED`.
 */
export const webhookDispatcher: TBackgroundJob = {
  name: "webhook-dispatcher",
  exclusion: "skip-locked",
  start() {
    const db = getDb();
    let running = false;
    let again = false;
    let stopped = false;

    async function run(): Promise<void> {
      if (stopped) return;
      if (running) return void (again = true);
      running = true;
      try {
        do {
          again = false;
          const counts = await deliverDueWebhooks(db);
          // A full batch means more may be due right now.
          if (counts.claimed === DELIVERY_BATCH_SIZE) again = true;
        } while (again && !stopped);
      } catch (error) {
        logJobFailure("webhook-dispatcher", error);
      } finally {
        running = false;
      }
    }

    const hub = notificationHub();
    const offNotify = hub.on("tollgate_webhook", () => void run());
    const offState = hub.onState(({ connected }) => connected && void run());
    const timer = setInterval(() => void run(), POLL_MS);
    timer.unref();
    void run();
    return () => {
      stopped = true;
      clearInterval(timer);
      offNotify();
      offState();
    };
  },
};
