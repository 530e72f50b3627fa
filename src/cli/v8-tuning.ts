// V8 settings for a short-lived command, set from inside the process (bin/clu, before the bundle loads).
// V8 compiles a function with its optimising compilers (TurboFan; Maglev on Node 24) once it has run for a
// while; in a run of a second or less that compilation, done on other threads, costs more CPU than the
// faster code saves (measured: see docs/status.md, issue 9). Waiting longer keeps them for the functions
// that run long (a long meeting, a batch) and spares them the ones that run briefly.
import { setFlagsFromString } from 'node:v8';

/** The flags that say when the optimising compilers start, by V8 major version (Node 20: 11; 22: 12; 24: 13). */
const OPTIMISATION_DELAY: Record<number, string> = {
  11: '--interrupt-budget=1000000',
  12: '--invocation-count-for-turbofan=30000',
  13: '--invocation-count-for-turbofan=30000 --invocation-count-for-maglev=4000',
};

/**
 * V8 first compiles WebAssembly quickly (Liftoff), then recompiles the functions it finds hot with its
 * optimising compiler, on other threads. For the few thousand words of a document HarfBuzz shapes
 * (src/writers/pdf/harfbuzz.ts) that recompilation costs more CPU than it saves (a reference's words:
 * 145 ms of CPU with it, 80 without): the threshold is raised so that only a long run recompiles. Set
 * from the start, not when the PDF writer loads: V8 refuses a code cache made under other flags, and a
 * flag that changed halfway through a command would make every file loaded after it miss its cache.
 * The PDF writer sets it again (same value, no change) for callers that did not start through bin/clu.
 */
const WASM_TIERING_BUDGET = '--wasm-tiering-budget=1000000000';

/** The optimisation flags of this V8, or undefined for a V8 whose flags are not known. */
const optimisationDelay = (): string | undefined => OPTIMISATION_DELAY[Number(process.versions.v8.split('.')[0])];

/**
 * Sets the flags for this V8, if it is one whose flags are known: V8 prints an error for a flag it does
 * not know, so a later Node runs with its defaults. The build sets the same flags before it makes the
 * code cache (scripts/code-cache.mjs).
 */
export function tuneV8(): void {
  const flags = optimisationDelay();
  if (flags) setFlagsFromString(`${flags} ${WASM_TIERING_BUDGET}`);
}

/**
 * The WebAssembly flags alone (the PDF writer, before it compiles HarfBuzz), on a V8 whose flags are known.
 * Under an address-space limit (Node relaunched without the trap handler: src/cli/address-space.ts), V8
 * reserves a memory's declared maximum (2 GB for harfbuzzjs) and, failing, retries smaller after a full
 * garbage collection each time (a dozen of them at 1 GB: +0.3 s): the maximum is capped to a quarter of
 * the limit instead, far more than HarfBuzz uses (its fonts and a word at a time). Set here, after the
 * command's files have loaded from their cache: V8 refuses a cache made under other flags.
 */
export function tuneWebAssembly(limit?: number): void {
  const known = optimisationDelay() !== undefined;
  if (known) setFlagsFromString(WASM_TIERING_BUDGET);
  if (known && limit !== undefined) setFlagsFromString(`--wasm-max-mem-pages=${Math.max(256, Math.min(32768, Math.floor(limit / 4 / 65536)))}`);
}
