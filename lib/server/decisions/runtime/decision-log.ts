import "server-only";
import type pg from "pg";
import type { TDecisionRow } from "./decision-row";

const FLUSH_ROWS = 500;
const FLUSH_INTERVAL_MS = 5;
/** What may wait in memory while Postgres is slow or away; past it the gate refuses to decide. */
const MAX_BUFFERED = 50_000;

// One statement per batch: json_populate_recordset maps the rows' keys onto the columns.
const INSERT = `INSERT INTO decisions SELECT * FROM json_populate_recordset(NULL::decisions, $1::json) ON CONFLICT (id) DO NOTHING`;

/**
 * Group commit for T0/T1 decisions: rows are appended to a buffer and written a batch at a time
 * (every few ms or 500 rows), one INSERT per batch. A failed batch stays in the buffer and is
 * retried; while the buffer is full `accepts()` is false and the gate denies rather than decide
 * what it cannot record.
 */
export class DecisionLog {
  private buffer: TDecisionRow[] = [];
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;

  constructor(private readonly pool: pg.Pool) {}

  accepts(): boolean {
    return this.buffer.length < MAX_BUFFERED;
  }

  append(row: TDecisionRow): void {
    this.buffer.push(row);
    if (this.buffer.length >= FLUSH_ROWS) this.flushInBackground();
    else this.timer ??= setTimeout(() => this.flushInBackground(), FLUSH_INTERVAL_MS);
  }

  /** Writes one row now, for decisions that must be durable before they are answered. */
  async write(row: TDecisionRow): Promise<void> {
    await this.pool.query(INSERT, [JSON.stringify([row])]);
  }

  /** Resolves when everything appended so far is committed (or rejects with the error that stopped it). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.flushing) await this.flushing;
    if (!this.buffer.length) return;
    const batch = this.buffer.splice(0, FLUSH_ROWS);
    this.flushing = this.pool
      .query(INSERT, [JSON.stringify(batch)])
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.buffer.unshift(...batch);
        this.failures += 1;
        throw error;
      })
      .finally(() => {
        this.flushing = null;
        if (this.buffer.length) this.timer ??= setTimeout(() => this.flushInBackground(), this.retryDelay());
      });
    await this.flushing;
  }

  private flushInBackground(): void {
    this.flush().catch((error: unknown) => console.error(`recording ${this.buffer.length} decisions failed; retrying`, error));
  }

  get pending(): number {
    return this.buffer.length;
  }

  private retryDelay(): number {
    return this.failures ? Math.min(5_000, 50 * 2 ** this.failures) : FLUSH_INTERVAL_MS;
  }
}
