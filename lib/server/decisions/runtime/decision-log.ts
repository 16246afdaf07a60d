import "server-only";
import type pg from "pg";
import { INSERT_DECISION_ROWS, type TDecisionRow } from "./decision-row";

const FLUSH_ROWS = 500;
// Postgres spends less per row in bigger batches: at 4,500 decisions/s, going from 10 to 40 ms
// took its CPU from 28–31% to 22–25% of a core. A crash of the gate loses at most this much of
// its T0/T1 record; T2/T3 decisions are committed before they are answered.
const FLUSH_INTERVAL_MS = 40;
/** What may wait in memory while Postgres is slow or away; past it the gate refuses to decide. */
const MAX_BUFFERED = 50_000;
/** How long writes may fail (or one may hang) before the gate stops deciding what it cannot record. */
const FAIL_CLOSED_AFTER_MS = 3_000;
const MAX_RETRY_DELAY_MS = 1_000;

// Run only when the INSERT skipped rows: a skipped row whose id is recorded for another call is
// that call's failure to record, kept apart (once: a retried batch finds it already there).
const RECORD_REUSED = `INSERT INTO decision_record_failures (decision_id, workflow_id, reason, payload)
  SELECT DISTINCT ON ((b.r).id, b.raw::text) (b.r).id::text, (b.r).workflow_id,
    'decisionId already recorded for a different call (to ' || d.tool || '); this call was to ' || (b.r).tool || ' and is recorded only here',
    convert_to(b.raw::text, 'UTF8')
  FROM (SELECT raw, json_populate_record(NULL::decisions, raw) AS r FROM json_array_elements($1::json) AS raw) b
  JOIN decisions d ON d.id = (b.r).id
  WHERE (d.workflow_id, d.token_id, d.run_id, d.tool, d.model, d.data_classes, d.arguments_hash)
    IS DISTINCT FROM ((b.r).workflow_id, (b.r).token_id, (b.r).run_id, (b.r).tool, (b.r).model, (b.r).data_classes, (b.r).arguments_hash)
    AND NOT EXISTS (SELECT 1 FROM decision_record_failures f WHERE f.decision_id = (b.r).id::text AND f.payload = convert_to(b.raw::text, 'UTF8'))`;
const RECORD_REFUSED = `INSERT INTO decision_record_failures (decision_id, workflow_id, reason, sqlstate, payload) VALUES ($1, $2, $3, $4, $5)`;
const [OPEN, COMMA, CLOSE] = ["[", ",", "]"].map((text) => Buffer.from(text)) as [Buffer, Buffer, Buffer];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The batch as one JSON array in a Buffer (pg sends a Buffer as the parameter's bytes, which is
 * json's binary form). Rows are encoded as they are appended: a batch built as one string was
 * often over V8's large-object size and went straight to the old generation, where only a full
 * collection frees it.
 */
function jsonArray(rows: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [OPEN];
  rows.forEach((row, i) => (i ? parts.push(COMMA, row) : parts.push(row)));
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

const sqlstateOf = (error: unknown): string | null => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : null;
};
// Classes 22 (data exception) and 23 (integrity constraint): this row can never be stored as it
// is, so retrying it only blocks the rows behind it. Anything else may pass on a retry.
const isDataError = (error: unknown) => /^2[23]/.test(sqlstateOf(error) ?? "");

/** Whether this log can record, for the gate's heartbeat (and so for `/api/health`). */
export type TRecordingHealth = { recording: boolean; problem: string | null; unrecorded: number };

/**
 * Group commit for T0/T1 decisions: rows are appended to a buffer and written a batch at a time
 * (every 40 ms or 500 rows), one INSERT per batch. A batch Postgres refuses for its data is split
 * until each refused row stands alone; that row goes to `decision_record_failures` and the rest
 * are recorded. Any other failure keeps the batch in the buffer, retried with backoff; after 3 s
 * of failing (or one write hanging), or with the buffer full, `accepts()` is false and the gate
 * denies rather than decide what it cannot record.
 */
export class DecisionLog {
  private buffer: Buffer[] = [];
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private writeStartedAt = 0;
  private inFlight = 0;
  private failingSince: number | null = null;
  private unreachable = false;
  /** Rows refused since start, each recorded in `decision_record_failures` instead. */
  refused = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly failClosedAfterMs = FAIL_CLOSED_AFTER_MS,
  ) {}

  accepts(now = Date.now()): boolean {
    if (this.buffer.length >= MAX_BUFFERED) return false;
    const since = this.failingSince ?? (this.writing ? this.writeStartedAt : null);
    return since === null || now - since < this.failClosedAfterMs;
  }

  health(now = Date.now()): TRecordingHealth {
    const unrecorded = this.buffer.length + this.inFlight;
    const recording = this.accepts(now);
    if (this.buffer.length >= MAX_BUFFERED)
      return {
        recording,
        problem: `${unrecorded} decisions wait unrecorded, as many as the gate holds; it denies every call until they are written`,
        unrecorded,
      };
    const since = this.failingSince ?? (this.writing ? this.writeStartedAt : null);
    if (since === null || now - since < this.failClosedAfterMs) return { recording, problem: null, unrecorded };
    const what =
      this.failingSince === null
        ? "a write of decisions has not completed"
        : this.unreachable
          ? "Postgres cannot be reached to record decisions"
          : "Postgres refuses to record decisions";
    return {
      recording,
      problem: `${what} for ${Math.round((now - since) / 1000)} s; the gate denies every call until a write succeeds`,
      unrecorded,
    };
  }

  append(row: TDecisionRow): void {
    this.buffer.push(Buffer.from(JSON.stringify(row)));
    if (this.buffer.length >= FLUSH_ROWS) this.writeInBackground();
    else this.schedule(FLUSH_INTERVAL_MS);
  }

  /** Resolves when everything appended so far is committed (or rejects with the error that stopped it). */
  async flush(): Promise<void> {
    for (;;) {
      if (this.writing) await this.writing;
      else if (this.buffer.length) await this.writeBatch();
      else return;
    }
  }

  private writeBatch(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.buffer.splice(0, FLUSH_ROWS);
    const progress = { done: 0 };
    this.writeStartedAt = Date.now();
    this.inFlight = batch.length;
    const writing = this.store(batch, progress)
      .then(() => {
        this.failures = 0;
        this.failingSince = null;
      })
      .catch((error: unknown) => {
        this.buffer.unshift(...batch.slice(progress.done));
        this.failures += 1;
        this.failingSince ??= this.writeStartedAt;
        this.unreachable = sqlstateOf(error) === null;
        throw error;
      })
      .finally(() => {
        this.writing = null;
        this.inFlight = 0;
        if (this.buffer.length >= FLUSH_ROWS && !this.failures) this.writeInBackground();
        else if (this.buffer.length) this.schedule(this.retryDelay());
      });
    this.writing = writing;
    return writing;
  }

  /** Writes rows in order, counting in `progress` those settled (recorded, or recorded as refused). */
  private async store(rows: Buffer[], progress: { done: number }): Promise<void> {
    try {
      const json = jsonArray(rows);
      const { rowCount } = await this.pool.query(INSERT_DECISION_ROWS, [json]); // one statement per batch
      if ((rowCount ?? 0) < rows.length) await this.pool.query(RECORD_REUSED, [json]);
    } catch (error) {
      if (!isDataError(error)) throw error;
      const [only] = rows;
      if (rows.length > 1 || !only) {
        const half = rows.length >> 1;
        await this.store(rows.slice(0, half), progress);
        return this.store(rows.slice(half), progress);
      }
      await this.recordRefused(only, error);
    }
    progress.done += rows.length;
  }

  private async recordRefused(row: Buffer, error: unknown): Promise<void> {
    let fields: { id?: unknown; workflow_id?: unknown } = {};
    try {
      fields = JSON.parse(row.toString("utf8")) as typeof fields;
    } catch {
      // Still recorded, by its bytes alone.
    }
    const id = typeof fields.id === "string" && UUID.test(fields.id) ? fields.id : "(unreadable)";
    const workflowId = typeof fields.workflow_id === "string" && UUID.test(fields.workflow_id) ? fields.workflow_id : null;
    const message = error instanceof Error ? error.message.replaceAll("\0", "\\0") : "no message";
    const sqlstate = sqlstateOf(error);
    const reason = `Postgres refused the decision row (${sqlstate}): ${message}`;
    await this.pool.query(RECORD_REFUSED, [id, workflowId, reason, sqlstate, row]).catch((again: unknown) => {
      // Should its message itself be unstorable, the row's bytes and state are what matter.
      if (!isDataError(again)) throw again;
      return this.pool.query(RECORD_REFUSED, [id, null, "Postgres refused the decision row", sqlstate, row]);
    });
    this.refused += 1;
    console.error(
      `decision ${id} was refused by Postgres (${sqlstate}); recorded in decision_record_failures, the rest of its batch is recorded`,
    );
  }

  // One writer at a time: rows appended during a write go in the next batch. (Starting a flush
  // per append while one is in flight piled up waiters that all woke on every batch.)
  private writeInBackground(): void {
    if (this.writing) return;
    this.writeBatch().catch((error: unknown) => console.error(`recording ${this.buffer.length} decisions failed; retrying`, error));
  }

  private schedule(delayMs: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.writeInBackground();
    }, delayMs);
  }

  get pending(): number {
    return this.buffer.length;
  }

  private retryDelay(): number {
    return this.failures ? Math.min(MAX_RETRY_DELAY_MS, 50 * 2 ** this.failures) : FLUSH_INTERVAL_MS;
  }
}
