import "server-only";
import { conflict } from "../errors";
import { describeKillSwitch } from "./describe-kill-switch";
import type { TLockedKillSwitch } from "./lock-kill-switch";

/** A released switch is history: nothing more can be requested, confirmed or withdrawn on it. */
export function refuseReleased(ks: TLockedKillSwitch): void {
  if (ks.releasedAt) {
    throw conflict(
      `Already released: ${describeKillSwitch(ks)} was released by ${ks.releasedBy?.email ?? "someone"} at ${ks.releasedAt.toISOString()}`,
    );
  }
}
