import "server-only";
import { notificationHub } from "../db/notifications";
import { createSseWriter } from "../shared/create-sse-writer";
import { parseApprovalNotice } from "./parse-approval-notice";

// Keeps proxies from closing an idle stream, and lets a dead client be noticed.
const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events for the console: `approval` whenever a request is created or changes, and
 * `resync` after the database listener reconnected (changes in between were not seen). Ends
 * when `signal` aborts.
 */
export function streamApprovalChanges(options: { signal: AbortSignal }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const hub = notificationHub();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const sse = createSseWriter(write);
      const send = sse.event;
      const stopListening = hub.on("tollgate_approval", (payload) => {
        const notice = parseApprovalNotice(payload);
        if (notice) send("approval", notice);
      });
      const stopState = hub.onState(({ connected }) => connected && send("resync", {}));
      const heartbeat = setInterval(() => sse.comment("heartbeat"), HEARTBEAT_MS);
      stop = () => {
        clearInterval(heartbeat);
        stopListening();
        stopState();
        options.signal.removeEventListener("abort", onAbort);
      };
      const onAbort = () => {
        stop();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      options.signal.addEventListener("abort", onAbort);
      sse.retry(3000);
    },
    cancel() {
      stop();
    },
  });
}
