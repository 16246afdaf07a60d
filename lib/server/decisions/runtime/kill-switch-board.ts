import "server-only";
import type { TKillSwitchState } from "@/lib/contracts/killswitch";
import type { TTx } from "../../db/client";
import type { TCompiledWorkflowSnapshot, TKillSwitchScope, TKillSwitchView } from "../types";

export type TKillSwitchChange = { type: "engaged" | "released"; switch: TKillSwitchState };

const keyOf = (scope: TKillSwitchScope, target: string) => `${scope} ${target}`;

/**
 * The engaged kill switches, in memory: decisions read them, streams are told of each change.
 * Reloaded whole on every kill-switch NOTIFY (the engaged set is small); unknown while the
 * NOTIFY connection is down, which rule 1 turns into a deny.
 */
export class KillSwitchBoard implements TKillSwitchView {
  private byId = new Map<string, TKillSwitchState>();
  private byKey = new Map<string, TKillSwitchState>();
  private readonly listeners = new Set<(change: TKillSwitchChange) => void>();
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;
  unknown: string | null = "the kill-switch state has not been loaded yet";

  constructor(private readonly db: TTx) {}

  engaged(options: { scope: TKillSwitchScope; target: string }): TKillSwitchState | null {
    return this.byKey.get(keyOf(options.scope, options.target)) ?? null;
  }

  subscribe(listener: (change: TKillSwitchChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  markUnknown(why: string): void {
    this.unknown = why;
  }

  /** Coalesces bursts: at most one reload in flight, and one more after it if asked meanwhile. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = this.load().finally(() => {
      this.reloading = null;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        void this.reload().catch(() => {});
      }
    });
    return this.reloading;
  }

  /** Every engaged switch that covers this workflow: GLOBAL, itself, its tools, its models and their providers. */
  covering(snapshot: TCompiledWorkflowSnapshot): TKillSwitchState[] {
    return [...this.byId.values()].filter((s) => this.covers(s, snapshot));
  }

  covers(state: TKillSwitchState, snapshot: TCompiledWorkflowSnapshot): boolean {
    switch (state.scope) {
      case "GLOBAL":
        return true;
      case "WORKFLOW":
        return state.target === snapshot.workflowKey;
      case "TOOL":
        return snapshot.tools.has(state.target);
      case "MODEL":
        return snapshot.models.has(state.target);
      case "PROVIDER":
        return [...snapshot.models.keys()].some((ref) => ref.startsWith(`${state.target}/`));
    }
  }

  private async load(): Promise<void> {
    const rows = await this.db.killSwitch.findMany({
      where: { releasedAt: null },
      select: { id: true, scope: true, target: true, reason: true, engagedAt: true },
      orderBy: { engagedAt: "asc" },
    });
    const next = new Map(rows.map((row) => [row.id, { ...row, engagedAt: row.engagedAt.toISOString() } satisfies TKillSwitchState]));
    const changes: TKillSwitchChange[] = [];
    for (const [id, state] of next) if (!this.byId.has(id)) changes.push({ type: "engaged", switch: state });
    for (const [id, state] of this.byId) if (!next.has(id)) changes.push({ type: "released", switch: state });
    this.byId = next;
    this.byKey = new Map([...next.values()].map((state) => [keyOf(state.scope, state.target), state]));
    this.unknown = null;
    for (const change of changes) for (const listener of this.listeners) listener(change);
  }
}
