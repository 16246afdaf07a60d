import "server-only";
import type { TTokenScope } from "@/lib/contracts/tokens";
import type { TServicePrincipal } from "../authz/principal";
import {
  LAST_USED_RESOLUTION_MS,
  checkServiceToken,
  findServiceToken,
  tokenHashOf,
  touchServiceTokens,
  type TServiceTokenRecord,
} from "./authenticate-service-token";

/**
 * Uses due to be recorded are written together, one statement this often. One Prisma update per
 * token put bursts on the gate's core: a thousand tokens first used in the same second all came
 * due again in the same second a minute later.
 */
const TOUCH_FLUSH_MS = 1_000;

/**
 * Service tokens answered from memory on the run-time path. Any service_tokens change (NOTIFY)
 * or a lost LISTEN connection empties the cache, so a revocation takes effect as soon as the
 * notification lands; the owner calls `clear()` for both.
 */
export class ServiceTokenCache {
  private readonly records = new Map<string, Promise<TServiceTokenRecord | null>>();
  private readonly touched = new Map<string, number>();
  private due: string[] = [];
  private dueAt = new Date(0);
  private flusher: NodeJS.Timeout | null = null;

  clear(): void {
    this.records.clear();
  }

  async authenticate(authorization: string | null, scope: TTokenScope, now = new Date()): Promise<TServicePrincipal> {
    const hash = tokenHashOf(authorization);
    let record = this.records.get(hash);
    if (!record) {
      record = findServiceToken(hash);
      this.records.set(hash, record);
      // A failed lookup must not be remembered as "unknown token".
      record.catch(() => this.records.delete(hash));
      // Bounded: junk tokens cannot grow the map without end.
      if (this.records.size > 10_000) this.records.delete(this.records.keys().next().value as string);
    }
    const found = await record;
    const principal = checkServiceToken(found, scope, now);
    if (found) this.touch(found, now);
    return principal;
  }

  /** Writes the uses not yet recorded (the gate calls it when it stops). */
  async flushTouches(): Promise<void> {
    if (this.flusher) clearTimeout(this.flusher);
    this.flusher = null;
    const tokenIds = this.due;
    this.due = [];
    if (!tokenIds.length) return;
    await touchServiceTokens(tokenIds, this.dueAt).catch((error: unknown) => {
      // Due again at their next use.
      for (const tokenId of tokenIds) this.touched.delete(tokenId);
      throw error;
    });
  }

  private touch(found: TServiceTokenRecord, now: Date): void {
    const last = this.touched.get(found.tokenId) ?? found.lastUsedAt?.getTime() ?? 0;
    if (now.getTime() - last <= LAST_USED_RESOLUTION_MS) return;
    this.touched.set(found.tokenId, now.getTime());
    this.due.push(found.tokenId);
    this.dueAt = now;
    this.flusher ??= setTimeout(
      () => void this.flushTouches().catch((error: unknown) => console.error("could not record tokens' last use", error)),
      TOUCH_FLUSH_MS,
    ).unref();
  }
}
