import type { TEventBatchResponse } from "@/lib/contracts/events";
import { HttpConnection, rawRequest, type TTarget } from "./http-connection";
import { eventBatch } from "./run-events";
import { Samples } from "./samples";

export type TIngestRound = { perSecond: number; batchMs: Samples; acknowledged: number; failed: number };

/**
 * One round of the events bench's load: a sender per token, each posting batches of `batch`
 * realistic events one at a time on its own keep-alive connection for `roundMs`.
 */
export async function ingestRound(options: { target: TTarget; tokens: string[]; batch: number; roundMs: number }): Promise<TIngestRound> {
  const round: TIngestRound = { perSecond: 0, batchMs: new Samples(), acknowledged: 0, failed: 0 };
  let inWindow = 0;
  const deadline = performance.now() + options.roundMs;
  await Promise.all(
    options.tokens.map(async (token) => {
      const connection = new HttpConnection(options.target);
      while (performance.now() < deadline) {
        const body = JSON.stringify({ events: eventBatch(options.batch) });
        const started = performance.now();
        const response = await connection
          .send(
            rawRequest({
              method: "POST",
              path: "/api/v1/events",
              target: options.target,
              headers: { authorization: `Bearer ${token}` },
              body,
            }),
          )
          .catch(() => null);
        const now = performance.now();
        if (response?.status !== 200) {
          round.failed += 1;
          continue;
        }
        const { stored } = JSON.parse(response.body.toString()) as TEventBatchResponse;
        round.acknowledged += stored;
        round.batchMs.add(now - started);
        if (now <= deadline) inWindow += stored;
      }
      connection.close();
    }),
  );
  round.perSecond = inWindow / (options.roundMs / 1000);
  return round;
}
