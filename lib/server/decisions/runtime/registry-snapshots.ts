import "server-only";
import type { TTx } from "../../db/client";
import { compileWorkflowSnapshot } from "../compile-workflow-snapshot";
import type { TCompiledWorkflowSnapshot } from "../types";
import { loadEnabledPolicies, loadWorkflowRecord, readRegistryRevision, type TPolicyText } from "./load-workflow-record";

/**
 * Compiled workflow snapshots, loaded on first use and dropped on every registry NOTIFY that
 * concerns them. A load in flight when its workflow changes is never stored back: the change
 * removed its entry, so the next decision loads again and no stale snapshot survives.
 */
export class RegistrySnapshots {
  private readonly snapshots = new Map<string, Promise<TCompiledWorkflowSnapshot | null>>();
  private policies: Promise<TPolicyText[]> | null = null;
  private toolKeys: Promise<Set<string>> | null = null;

  constructor(private readonly db: TTx) {}

  get(workflowId: string): Promise<TCompiledWorkflowSnapshot | null> {
    let snapshot = this.snapshots.get(workflowId);
    if (!snapshot) {
      snapshot = this.load(workflowId);
      this.snapshots.set(workflowId, snapshot);
      snapshot.catch(() => this.snapshots.get(workflowId) === snapshot && this.snapshots.delete(workflowId));
    }
    return snapshot;
  }

  /** A workflow id, or null for a catalog-wide change (tools, models, data classes, policies). */
  invalidate(workflowId: string | null): void {
    if (workflowId) return void this.snapshots.delete(workflowId);
    this.snapshots.clear();
    this.policies = null;
    this.toolKeys = null;
  }

  /** Every tool key in the catalog: a call naming none of them is bad input, not a decision. */
  catalogToolKeys(): Promise<Set<string>> {
    const loading = (this.toolKeys ??= this.db.tool
      .findMany({ select: { key: true } })
      .then((rows) => new Set(rows.map((row) => row.key))));
    loading.catch(() => this.toolKeys === loading && (this.toolKeys = null));
    return loading;
  }

  get size(): number {
    return this.snapshots.size;
  }

  private async load(workflowId: string): Promise<TCompiledWorkflowSnapshot | null> {
    // Read the revision first: a change committed after it bumps it and invalidates this load.
    const revision = await readRegistryRevision(this.db);
    this.policies ??= loadEnabledPolicies(this.db);
    const policies = this.policies;
    policies.catch(() => this.policies === policies && (this.policies = null));
    const record = await loadWorkflowRecord(this.db, workflowId, await policies);
    if (!record) return null;
    return compileWorkflowSnapshot({ record, registryVersion: `r${revision}.v${record.version}` });
  }
}
