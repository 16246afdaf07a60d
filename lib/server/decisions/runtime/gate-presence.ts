import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import type pg from "pg";
import type { TRecordingHealth } from "./decision-log";

const HEARTBEAT_MS = 1_000;

/**
 * This gate's row in `gate_instances`, refreshed every second with whether it vouches for its
 * kill-switch state and whether it can record its decisions (what `/api/health`, served by the
 * console process, reports), and its acknowledgements of engaged switches: what lets an engage answer only
 * once every live gate denies what it halts (lib/server/killswitch/await-kill-switch-propagation.ts).
 */
export class GatePresence {
  readonly id = randomUUID();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly vouching: () => boolean,
    private readonly recording: () => TRecordingHealth,
  ) {}

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(
      () => void this.beat().catch((error: unknown) => console.error("the gate's heartbeat failed", error)),
      HEARTBEAT_MS,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pool.query("DELETE FROM gate_instances WHERE id = $1", [this.id]).catch(() => {});
  }

  /** Called once the switch is in force here: from now on this gate denies what it covers. */
  acknowledge(killSwitchId: string): void {
    this.pool
      .query("INSERT INTO kill_switch_acks (kill_switch_id, instance_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [killSwitchId, this.id])
      .catch((error: unknown) => console.error(`could not acknowledge kill switch ${killSwitchId}`, error));
  }

  /** Drops rows of gates gone for a day (a crashed gate cannot delete its own). */
  async prune(): Promise<void> {
    await this.pool.query("DELETE FROM gate_instances WHERE seen_at < now() - interval '1 day'");
  }

  private async beat(): Promise<void> {
    const { recording, problem, unrecorded } = this.recording();
    await this.pool.query(
      `INSERT INTO gate_instances (id, host, vouching, recording, recording_problem, unrecorded) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET seen_at = now(), vouching = EXCLUDED.vouching, recording = EXCLUDED.recording,
         recording_problem = EXCLUDED.recording_problem, unrecorded = EXCLUDED.unrecorded`,
      [this.id, `${os.hostname()}:${process.pid}`, this.vouching(), recording, problem, unrecorded],
    );
  }
}
