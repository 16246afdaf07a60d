import "server-only";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookSignature, type TSignatureVerdict } from "./verify-webhook-signature";

export type TReceived = { headers: IncomingHttpHeaders; body: string; verdict: TSignatureVerdict };

/**
 * A real HTTP receiver on a free port, as an operator's endpoint would be: it checks each
 * request's signature with the secret it was given and answers the queued statuses in turn (200
 * once they run out).
 */
export async function startTestReceiver() {
  const received: TReceived[] = [];
  const answers: number[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let secret = "";

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = request.headers["tollgate-signature"];
      received.push({ headers: request.headers, body, verdict: verifyWebhookSignature({ secret, header: typeof header === "string" ? header : null, body }) });
      response.writeHead(answers.shift() ?? 200).end("receiver says hello");
      for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks/tollgate`,
    received,
    useSecret: (value: string) => void (secret = value),
    answer: (...statuses: number[]) => void answers.push(...statuses),
    /** Resolves once `count` requests have arrived in all. */
    waitFor: (count: number) => new Promise<void>((resolve) => (received.length >= count ? resolve() : waiters.push({ count, resolve }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
