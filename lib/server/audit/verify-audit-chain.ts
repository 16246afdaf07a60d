import "server-only";
import type { TTx } from "../db/client";
import { GENESIS_HASH, hashAuditRow } from "./hash-chain";

export type TChainBreak = { seq: string; problem: string };
export type TChainVerdict = { ok: boolean; checked: number; lastHash: string; firstBreak: TChainBreak | null };

const PAGE = 2_000;

/** Walks the whole chain in order and names the first link that does not hold. */
export async function verifyAuditChain(options: { db: TTx }): Promise<TChainVerdict> {
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await options.db.auditEvent.findMany({
      where: { seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: PAGE,
    });
    for (const row of rows) {
      const at = row.seq.toString();
      if (row.seq !== expectedSeq) {
        const problem = `row ${expectedSeq} is missing (row ${at} follows row ${expectedSeq - 1n})`;
        return { ok: false, checked, lastHash: prevHash, firstBreak: { seq: expectedSeq.toString(), problem } };
      }
      if (row.prevHash !== prevHash) {
        const problem = `row ${at} does not link to the row before it (a row was removed, inserted or reordered)`;
        return { ok: false, checked, lastHash: prevHash, firstBreak: { seq: at, problem } };
      }
      if (hashAuditRow(prevHash, row) !== row.hash) {
        const problem = `row ${at} does not match its own hash (its content was edited or moved)`;
        return { ok: false, checked, lastHash: prevHash, firstBreak: { seq: at, problem } };
      }
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < PAGE) return { ok: true, checked, lastHash: prevHash, firstBreak: null };
  }
}
