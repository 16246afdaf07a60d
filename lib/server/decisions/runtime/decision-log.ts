import "server-only";
import type pg from "pg";
import type { TDecisionRow } from "./decision-row";

const FLUSH_ROWS = 500;
// Postgres spends less per row in bigger batches: at 4,500 decisions/s, going from 10 to 40 ms
// took its CPU from 28–31% to 22–25% of a core. A crash of the gate loses at most this much of
// its T0/T1 record; T2/T3 decisions are committed before they are answered.
const FLUSH_INTERVAL_MS = 40;
/** What may wait in memory while Postgres is slow or away; past it the gate refuses to decide. */
const MAX_BUFFERED = 50_000;

// One statement per batch: json_populate_recordset maps the rows' keys onto the columns.
const INSERT = `INSERT INTO decisions SELECT * FROM json_populate_recordset(NULL::decisions, $1::json) ON CONFLICT (id) DO NOTHING`;
const [OPEN, COMMA, CLOSE] = ["[", ",", "]"].map((text) => Buffer.from(text)) as [Buffer, Buffer, Buffer];

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

/**
 * Group commit for T0/T1 decisions: rows are appended to a buffer and written a batch at a time
 * (every 40 ms or 500 rows), one INSERT per batch. A failed batch stays in the buffer and is
 * retried; while the buffer is full `accepts()` is false and the gate denies rather than decide
 * what it cannot record.
 */
export class DecisionLog {
  private buffer: Buffer[] = [];
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;

  constructor(private readonly pool: pg.Pool) {}

  accepts(): boolean {
    return this.buffer.length < MAX_BUFFERED;
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
    const writing = this.pool
      .query(INSERT, [jsonArray(batch)])
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.buffer.unshift(...batch);
        this.failures += 1;
        throw error;
      })
      .finally(() => {
        this.writing = null;
        if (this.buffer.length >= FLUSH_ROWS && !this.failures) this.writeInBackground();
        else if (this.buffer.length) this.schedule(this.retryDelay());
      });
    this.writing = writing;
    return writing;
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
    return this.failures ? Math.min(5_000, 50 * 2 ** this.failures) : FLUSH_INTERVAL_MS;
  }
}
