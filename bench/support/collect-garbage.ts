import v8 from "node:v8";
import vm from "node:vm";

// Benches run under tsx, whose node has no --expose-gc; V8 still makes `gc` available to
// contexts created after the flag is set.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as (options: { type: "major" | "minor" }) => void;

/** A collection now, so the garbage made before a measurement is not collected during it. */
export function collectGarbage(type: "major" | "minor"): void {
  gc({ type });
}
