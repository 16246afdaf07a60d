import { z } from "zod";
import { ZWorkflowKey } from "./registry";

export const EVENT_BATCH_MAX = 1000;

export const ZRunEventType = z.enum([
  "run_started",
  "run_ended",
  "model_call",
  "tool_call",
  "tool_result",
  "human_override",
  "rollback",
  "error",
]);

/**
 * One thing an automation did. `id` is chosen by the caller (a UUID, unique within the event's
 * workflow) so a retried batch stores nothing twice. `workflowKey` defaults to the token's workflow; naming an unregistered key
 * records a shadow workflow sighting.
 */
export const ZRunEvent = z.object({
  id: z.uuid("Give every event a UUID id"),
  runId: z.string().trim().min(1, "Send the run id").max(200, "Use at most 200 characters"),
  type: ZRunEventType,
  occurredAt: z.iso.datetime({ offset: true, message: "Send occurredAt as an ISO 8601 date-time" }),
  workflowKey: ZWorkflowKey.optional(),
  tool: z.string().max(200).optional(),
  model: z.string().max(300).optional(),
  decisionId: z.uuid().optional(),
  outcome: z.enum(["success", "failure", "denied", "cancelled"]).optional(),
  latencyMs: z.number().int().min(0).max(86_400_000).optional(),
  /** Prompt, output, arguments, result, error…: redacted before storage. */
  data: z.record(z.string(), z.unknown()).default({}),
});
export type TRunEvent = z.input<typeof ZRunEvent>;
export type TRunEventInput = z.output<typeof ZRunEvent>;

export const ZEventBatch = z.object({
  events: z.array(z.unknown()).min(1, "Send at least one event").max(EVENT_BATCH_MAX, `Send at most ${EVENT_BATCH_MAX} events per batch`),
});

/**
 * Per item: `stored`, `duplicate` (already stored by an earlier attempt with the same content: safe
 * to treat as done), `conflict` (the id was already used in this workflow for other content, which
 * is kept: resending will not help, a new event needs a new id) or `rejected` with the problems of
 * that item. A 200 means every stored item is committed.
 */
export const ZEventResult = z.object({
  index: z.number().int(),
  id: z.string().nullable(),
  status: z.enum(["stored", "duplicate", "conflict", "rejected"]),
  problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export const ZEventBatchResponse = z.object({
  stored: z.number().int(),
  duplicates: z.number().int(),
  // Absent from gates older than the `conflict` status.
  conflicts: z.number().int().default(0),
  rejected: z.number().int(),
  results: z.array(ZEventResult),
});
export type TEventBatchResponse = z.infer<typeof ZEventBatchResponse>;
