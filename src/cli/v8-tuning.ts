// V8 settings for a short-lived command, set from inside the process (bin/clu, before the bundle loads).
// V8 compiles a function with its optimising compiler (TurboFan) after a few thousand calls; in a run of
// a second or less that compilation, done on other threads, costs more CPU than the faster code saves
// (measured in `npm run bench`: see docs/status.md, issue 9). Waiting ten times as long keeps TurboFan for
// the functions that run long (a long meeting, a batch) and spares it the ones that run briefly.
import { setFlagsFromString } from 'node:v8';

/** The flag that sets when TurboFan starts, by V8 major version (Node 20: 11; Node 22: 12; Node 24: 13). */
const TURBOFAN_DELAY: Record<number, string> = {
  11: '--interrupt-budget=675840',
  12: '--invocation-count-for-turbofan=30000',
  13: '--invocation-count-for-turbofan=30000',
};

/**
 * Sets the flags for this V8, if it is one whose flags are known: V8 prints an error for a flag it does
 * not know, so a later Node runs with its defaults. The build sets the same flags before it makes the
 * code cache (V8 refuses a cache made under other flags).
 */
export function tuneV8(): void {
  const flag = TURBOFAN_DELAY[Number(process.versions.v8.split('.')[0])];
  if (flag) setFlagsFromString(flag);
}
