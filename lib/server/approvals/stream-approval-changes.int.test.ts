import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { notificationHub } from "../db/notifications";
import { streamApprovalChanges } from "./stream-approval-changes";
import { givenApproval, givenGatedWorkflow } from "@/test/fixtures/approvals";

afterAll(() => notificationHub().close());

/** Reads the stream until an `approval` event about `id` arrives; returns its data. */
async function nextEventAbout(reader: ReadableStreamDefaultReader<Uint8Array>, id: string): Promise<unknown> {
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error("the stream ended");
    buffered += decoder.decode(value, { stream: true });
    for (const block of buffered.split("\n\n")) {
      const data = block.match(/^event: approval\ndata: (.*)$/m)?.[1];
      if (data?.includes(id)) return JSON.parse(data);
    }
  }
}

describe("the console's live stream", () => {
  it("announces a new request and each change to it, and ends when the browser goes away", async () => {
    const gated = await givenGatedWorkflow();
    const gone = new AbortController();
    const reader = streamApprovalChanges({ signal: gone.signal }).getReader();
    await notificationHub().start();

    const { id } = await givenApproval(gated, { tier: "T2" });
    await expect(nextEventAbout(reader, id)).resolves.toEqual({ id, status: "PENDING", workflowId: gated.workflow.id });
    await db.approvalRequest.update({ where: { id }, data: { status: "DENIED" } });
    await expect(nextEventAbout(reader, id)).resolves.toEqual({ id, status: "DENIED", workflowId: gated.workflow.id });

    gone.abort();
    await expect(reader.read()).resolves.toMatchObject({ done: true });
  });
});
