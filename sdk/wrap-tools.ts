import type { ToolExecutionOptions, ToolSet } from "ai";
import type { TGuardFn } from "./create-tollgate";
import type { TCallOptions } from "./types";

export type TWrapToolsOptions<TOOLS extends ToolSet> = Omit<TCallOptions, "signal" | "approvalId"> & {
  /**
   * Tollgate tool keys by tool name, for names that cannot be the key: model APIs refuse dots in
   * tool names (`stripe_refund` for `stripe.refund`). Unlisted tools use their name.
   */
  toolKeys?: Partial<Record<keyof TOOLS & string, string>>;
};

/**
 * Puts every tool of a Vercel AI SDK tool set behind `guard`, with the tool's input as the
 * arguments (an input that is not an object is sent as `{ input }`). A denied call throws
 * TollgateDeniedError; the AI SDK turns that into a tool error whose text ("Tollgate denied
 * stripe.refund: …") the model reads as the tool's answer, and the app finds the error itself in
 * the step's `tool-error` part. Tools without `execute` pass through unchanged.
 */
export function wrapTools<TOOLS extends ToolSet>(
  tollgate: { guard: TGuardFn },
  tools: TOOLS,
  options: TWrapToolsOptions<TOOLS> = {},
): TOOLS {
  const { toolKeys = {}, ...callOptions } = options;
  const keys: Partial<Record<string, string>> = toolKeys;
  const wrapped = Object.entries(tools).map(([name, tool]) => {
    const execute = tool.execute;
    if (!execute) return [name, tool];
    const guarded = (input: unknown, execution: ToolExecutionOptions) => {
      const args = isRecord(input) ? input : { input };
      const signal = execution.abortSignal;
      return tollgate.guard(keys[name] ?? name, args, () => execute(input, execution), signal ? { ...callOptions, signal } : callOptions);
    };
    return [name, { ...tool, execute: guarded }];
  });
  return Object.fromEntries(wrapped) as TOOLS;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
