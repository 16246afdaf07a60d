import type { TDecisionResponse } from "@/lib/contracts/decisions";

/** What the history generated, as the seeding logs it and keeps in its marker's summary. */
export class HistoryTally {
  runs = 0;
  shadowRuns = 0;
  readonly decisions: Record<string, number> = {};
  readonly reasons: Record<string, number> = {};
  readonly approvals: Record<string, number> = {};

  decision(answer: TDecisionResponse): void {
    this.decisions[answer.outcome] = (this.decisions[answer.outcome] ?? 0) + 1;
    const code = answer.reasons[0]?.code ?? "none";
    this.reasons[code] = (this.reasons[code] ?? 0) + 1;
  }

  approval(status: string): void {
    this.approvals[status] = (this.approvals[status] ?? 0) + 1;
  }

  get decided(): number {
    return Object.values(this.decisions).reduce((sum, n) => sum + n, 0);
  }

  toJSON() {
    return { runs: this.runs, shadowRuns: this.shadowRuns, decisions: this.decisions, reasons: this.reasons, approvals: this.approvals };
  }
}
