/** Node flags of a process that runs the server's TypeScript sources with its import conditions. */
export const SOURCE_NODE_FLAGS: readonly string[] = ["--conditions=react-server", "--import", "tsx"];

/**
 * The gate's process (scripts/serve.ts). A larger young generation lets a decision's garbage die
 * young instead of being promoted, and collecting on the main thread alone keeps V8's helper
 * threads from competing with the gate, Postgres and the console for two cores: on this machine
 * the two together took p99 at 2,500 decisions/s from 8–20 ms to 4–6 ms and throughput up ~30%.
 * The old generation may grow to 4× its live size before a full collection: left to itself, V8
 * saw the gate promote little and collected fully whenever the old generation had grown ~15%
 * (every ~3 s at 3,000 decisions/s), each time ~70 ms of marking on the gate's thread within
 * ~150 ms, and decisions queued 30–70 ms behind each. At 4×, none came in the next 37 s; the
 * price is ~160 MB more at peak. The young generation's floor is its ceiling: V8 shrinks it after
 * a quiet spell and grows it back only slowly, so a burst after 15 s idle ran its whole 5 s with a
 * scavenge every ~20 ms (225 instead of 16) and promoted what should have died young.
 */
export const GATE_NODE_FLAGS: readonly string[] = [
  ...SOURCE_NODE_FLAGS,
  "--max-semi-space-size=64",
  "--min-semi-space-size=64",
  "--single-threaded-gc",
  "--heap-growing-percent=300",
];
