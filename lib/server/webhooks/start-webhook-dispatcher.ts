import "server-only";
import { getDb } from "../db/client";
import { notificationHub } from "../db/notifications";
import { deliverDueWebhooks, DELIVERY_BATCH_SIZE } from "./deliver-due-webhooks";

// Retries come due without a notification; this is how late one can be.
const POLL_MS = 5_000;

/**
 * Runs dispatcher passes in this process: at once on each new delivery (NOTIFY tollgate_webhook),
 * after every reconnect of the LISTEN connection, and every few seconds for due retries. Passes
 * never overlap within a process; across processes SKIP LOCKED keeps them apart. Returns stop.
 */
export function startWebhookDispatcher(): () => void {
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
      console.error(JSON.stringify({ level: "error", component: "webhook-dispatcher", error: error instanceof Error ? error.message : String(error) }));
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
}
