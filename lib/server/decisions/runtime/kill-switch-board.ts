import "server-only";
import { z } from "zod";
import { ZKillSwitchState, type TKillSwitchState } from "@/lib/contracts/killswitch";
import type { TTx } from "../../db/client";
import type { TCompiledWorkflowSnapshot, TKillSwitchScope, TKillSwitchView } from "../types";

export type TKillSwitchChange = { type: "engaged" | "released"; switch: TKillSwitchState };

const ZKillSwitchNotice = ZKillSwitchState.extend({ released: z.boolean() });
const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

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
  /** Counts notifications applied, so a reload that read the table before one of them does not undo it. */
  private applied = 0;
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

  /**
   * Applies the switch a NOTIFY carries at once — no query between an engage committing and this
   * instance denying — then reloads to reconcile anything the notification could not say.
   */
  applyNotification(payload: string): Promise<void> {
    const parsed = ZKillSwitchNotice.safeParse(safeJson(payload));
    if (parsed.success && !this.unknown) {
      const { released, ...state } = parsed.data;
      const next = new Map(this.byId);
      if (released) next.delete(state.id);
      else next.set(state.id, state);
      this.replace(next);
      this.applied += 1;
    }
    return this.reload();
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
    const appliedBefore = this.applied;
    const rows = await this.db.killSwitch.findMany({
      where: { releasedAt: null },
      select: { id: true, scope: true, target: true, reason: true, engagedAt: true },
      orderBy: { engagedAt: "asc" },
    });
    // A notification applied meanwhile is newer than these rows; the reload it queued reconciles.
    if (this.applied !== appliedBefore && !this.unknown) return;
    this.replace(new Map(rows.map((row) => [row.id, { ...row, engagedAt: row.engagedAt.toISOString() } satisfies TKillSwitchState])));
    this.unknown = null;
  }

  private replace(next: Map<string, TKillSwitchState>): void {
    const changes: TKillSwitchChange[] = [];
    for (const [id, state] of next) if (!this.byId.has(id)) changes.push({ type: "engaged", switch: state });
    for (const [id, state] of this.byId) if (!next.has(id)) changes.push({ type: "released", switch: state });
    this.byId = next;
    this.byKey = new Map([...next.values()].map((state) => [keyOf(state.scope, state.target), state]));
    for (const change of changes) for (const listener of this.listeners) listener(change);
  }
}
