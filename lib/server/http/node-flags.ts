/** Node flags of a process that runs the server's TypeScript sources with its import conditions. */
export const SOURCE_NODE_FLAGS: readonly string[] = ["--conditions=react-server", "--import", "tsx"];

/**
 * The gate's process (scripts/serve.ts). A larger young generation lets a decision's garbage die
 * young instead of being promoted, and collecting on the main thread alone keeps V8's helper
 * threads from competing with the gate, Postgres and the console for two cores: on this machine
 * the two together took p99 at 2,500 decisions/s from 8–20 ms to 4–6 ms and throughput up ~30%.
 */
export const GATE_NODE_FLAGS: readonly string[] = [...SOURCE_NODE_FLAGS, "--max-semi-space-size=64", "--single-threaded-gc"];
