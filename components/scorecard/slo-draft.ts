import type { TSloTargets } from "@/lib/contracts/scorecard";

/** The SLO form's fields as typed: percentages and milliseconds, the units people think in. */
export type TSloDraft = { successRate: string; toolErrorRate: string; latencyP95Ms: string };
export type TSloDraftErrors = Partial<Record<keyof TSloDraft, string>>;

const trimZeros = (value: number) => String(Number(value.toFixed(4)));

export function sloDraftOf(targets: TSloTargets): TSloDraft {
  return {
    successRate: trimZeros(targets.successRate * 100),
    toolErrorRate: trimZeros(targets.toolErrorRate * 100),
    latencyP95Ms: String(targets.latencyP95Ms),
  };
}

function numberIn(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() === "" || !Number.isFinite(value) ? null : value;
}

/** Checks the draft in the form's own units (the contract's bounds, said in percent) and turns it into targets. */
export function parseSloDraft(draft: TSloDraft): { targets: TSloTargets } | { errors: TSloDraftErrors } {
  const errors: TSloDraftErrors = {};
  const success = numberIn(draft.successRate);
  const toolErrors = numberIn(draft.toolErrorRate);
  const latency = numberIn(draft.latencyP95Ms);
  if (success === null || success < 50 || success > 99.99) errors.successRate = "Use a percentage from 50 to 99.99";
  if (toolErrors === null || toolErrors < 0.01 || toolErrors > 50) errors.toolErrorRate = "Use a percentage from 0.01 to 50";
  if (latency === null || !Number.isInteger(latency) || latency < 1 || latency > 3_600_000) {
    errors.latencyP95Ms = "Use whole milliseconds from 1 to 3,600,000 (one hour)";
  }
  if (success === null || toolErrors === null || latency === null || Object.keys(errors).length > 0) return { errors };
  // Rounded so 99.9 % is sent as 0.999, not 0.9990000000000001.
  return {
    targets: {
      successRate: Number((success / 100).toFixed(6)),
      toolErrorRate: Number((toolErrors / 100).toFixed(6)),
      latencyP95Ms: latency,
    },
  };
}
