import { describe, expect, it } from "vitest";
import { buildCorpus, CORPUS_CLASSES } from "@/test/fixtures/dlp/corpus";
import { evaluateCorpus } from "@/test/fixtures/dlp/evaluate-corpus";
import { redactSensitiveData } from "./redact-sensitive-data";

// Issue 19's bar on the repository's corpus (bench/dlp-quality.ts prints the same figures).
const corpus = buildCorpus();
const result = evaluateCorpus(corpus);

describe("DLP quality on the corpus", () => {
  it("is large and varied: hundreds of positives per class and hundreds of look-alikes", () => {
    for (const cls of CORPUS_CLASSES) expect(result.perClass[cls].positives, cls).toBeGreaterThanOrEqual(300);
    expect(corpus.filter((item) => item.expected.length === 0).length).toBeGreaterThanOrEqual(300);
  });

  it("reaches ≥ 97% recall at ≥ 97% precision overall, and ≥ 95% of each in every class", () => {
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.97);
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.97);
    for (const cls of CORPUS_CLASSES) {
      expect(result.perClass[cls].recall, `${cls} recall; missed: ${result.misses.slice(0, 5).join(" | ")}`).toBeGreaterThanOrEqual(0.95);
      expect(result.perClass[cls].precision, `${cls} precision; ${result.falseAlarms.slice(0, 5).join(" | ")}`).toBeGreaterThanOrEqual(
        0.95,
      );
    }
  });

  it("leaves nothing it found in the redacted value, in values or keys", () => {
    for (const item of corpus) {
      const redacted = JSON.stringify(redactSensitiveData({ value: item.value }).value);
      for (const expected of item.expected) {
        if (result.misses.some((miss) => miss.startsWith(`${item.id} `))) continue;
        expect(redacted, item.id).not.toContain(expected.text);
      }
    }
  });
});
