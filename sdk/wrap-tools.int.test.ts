import { generateText, stepCountIs, tool, type ModelMessage } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { TollgateDeniedError } from "./errors";
import { useRuntimeGate } from "./test-support/runtime-clients";
import { wrapTools } from "./wrap-tools";

const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 5, text: 5, reasoning: 0 } };

/** A scripted model: first it calls the given tools, then it answers with what the tools told it. */
function scriptedModel(calls: { toolName: string; input: unknown }[]) {
  const seen: ModelMessage[][] = [];
  const model = new MockLanguageModelV3({
    doGenerate: async ({ prompt }) => {
      seen.push(prompt as ModelMessage[]);
      if (seen.length === 1) {
        const content = calls.map((call, i) => ({
          type: "tool-call" as const,
          toolCallId: `call-${i}`,
          toolName: call.toolName,
          input: JSON.stringify(call.input),
        }));
        return { content, finishReason: { unified: "tool-calls" as const, raw: undefined }, usage, warnings: [] };
      }
      return {
        content: [{ type: "text" as const, text: "done" }],
        finishReason: { unified: "stop" as const, raw: undefined },
        usage,
        warnings: [],
      };
    },
  });
  return { model, seen };
}

describe("wrapTools with the AI SDK's test model and the real gate", () => {
  const { client } = useRuntimeGate();

  it("runs the calls the gate allows; a denied call does not run and the model reads the refusal", async () => {
    const tollgate = await client({ workflowKey: "ticket-triage", model: "openai/gpt-4.1/2025-04-14", dataClasses: ["support-tickets"] });
    const search = vi.fn(async ({ query }: { query: string }) => ({ hits: [`How refunds work (${query})`] }));
    const file = vi.fn(async (issue: { project: string; summary: string }) => ({ key: `${issue.project}-1` }));
    const refund = vi.fn(async () => ({ refunded: true }));
    const run = tollgate.startRun();
    const tools = wrapTools(
      run,
      {
        kb_search: tool({ inputSchema: z.object({ query: z.string() }), execute: search }),
        jira_issue_create: tool({ inputSchema: z.object({ project: z.string(), summary: z.string() }), execute: file }),
        stripe_refund: tool({ inputSchema: z.object({ chargeId: z.string(), amount: z.number(), currency: z.string() }), execute: refund }),
      },
      { toolKeys: { kb_search: "kb.search", jira_issue_create: "jira.issue.create", stripe_refund: "stripe.refund" } },
    );
    const { model, seen } = scriptedModel([
      { toolName: "kb_search", input: { query: "duplicate charge" } },
      { toolName: "jira_issue_create", input: { project: "SUP", summary: "Customer charged twice" } },
      { toolName: "stripe_refund", input: { chargeId: "ch_1", amount: 4200, currency: "EUR" } },
    ]);

    const result = await generateText({ model, tools, prompt: "Handle ticket T-1042", stopWhen: stepCountIs(3) });

    expect(search).toHaveBeenCalledTimes(1);
    expect(file).toHaveBeenCalledTimes(1);
    expect(refund).not.toHaveBeenCalled();
    // The types survive the wrapping: the tool's own output type.
    const searched = result.steps[0]?.toolResults.find((r) => r.toolName === "kb_search");
    expect(searched?.output).toEqual({ hits: ["How refunds work (duplicate charge)"] });
    const refused = result.steps[0]?.content.find((part) => part.type === "tool-error");
    expect(refused?.type === "tool-error" && refused.error).toBeInstanceOf(TollgateDeniedError);

    const toolMessage = seen[1]?.find((message) => message.role === "tool");
    const outputs =
      toolMessage?.role === "tool"
        ? toolMessage.content.map((part) => (part.type === "tool-result" ? [part.toolName, part.output] : []))
        : [];
    expect(outputs).toContainEqual([
      "stripe_refund",
      {
        type: "error-text",
        value: expect.stringMatching(
          /^Tollgate denied stripe\.refund: Tool stripe\.refund is not on the allowlist of workflow ticket-triage/,
        ),
      },
    ]);
    expect(result.text).toBe("done");
  });
});
