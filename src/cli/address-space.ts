// Running under an address-space limit (`ulimit -v`, RLIMIT_AS), read by bin/clu before the command line
// loads. Two things of a normal Node start do not fit in one (measured on Node 20, docs/status.md):
// - V8 bounds-checks WebAssembly memory with a trap handler, which needs ~10 GB of address space reserved
//   per memory: HarfBuzz (the PDF writer's shaping) cannot start under any limit up to 10 GB or so. Node
//   installs the trap handler at start-up: only `--disable-wasm-trap-handler` on its command line turns
//   it off (v8.setFlagsFromString at run time is too late; V8 then checks bounds in the code instead).
// - glibc gives each thread that allocates an arena of its own, 64 MB of address space each: with V8's
//   and libuv's threads, a PDF run at 1 GB has none left for the thread libuv starts last, and aborts
//   (SIGABRT, no message). MALLOC_ARENA_MAX, read by glibc at start-up, caps them.
// So under a finite limit a command that may write a PDF has bin/clu run Node again with both; the output is the same (HarfBuzz runs, the
// PDF is byte-identical: test/environment.test.ts). Without a limit nothing changes (one small read of
// /proc/self/limits).
import { closeSync, openSync, readSync } from 'node:fs';

export const TRAP_HANDLER_OFF = '--disable-wasm-trap-handler';

/** glibc's arenas for a relaunched Node: two (the main thread's and one shared), 128 MB of address space. */
const ARENAS = '2';

const LABEL = 'Max address space';

/** The soft RLIMIT_AS in bytes from the text of /proc/self/limits; undefined when unlimited or unknown. */
export function addressSpaceLimit(limits: string): number | undefined {
  // No regular expression: compiling one costs more than the read (every command pays for this).
  const at = limits.indexOf(LABEL);
  if (at < 0) return undefined;
  const rest = limits.slice(at + LABEL.length).trimStart();
  const end = rest.indexOf(' ');
  const soft = end < 0 ? rest : rest.slice(0, end);
  if (soft === 'unlimited') return undefined;
  const bytes = Number(soft);
  return soft !== '' && Number.isFinite(bytes) ? bytes : undefined;
}

/** /proc/self/limits in one read (readFileSync reads a file of unknown size in steps: ten times slower). */
function readLimits(): string {
  const fd = openSync('/proc/self/limits', 'r');
  try {
    const buffer = Buffer.allocUnsafe(8192);
    return buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a command line may write a PDF (render, roster --sheet): the only commands that start HarfBuzz,
 * and so the only ones that read the limit (the others work under 1 GB as they are).
 */
export function mayWritePdf(args: readonly string[]): boolean {
  return args[0] === 'render' || (args[0] === 'roster' && args.includes('--sheet'));
}

export interface Relaunch {
  /** Node's options for the new process: this one's, then the trap handler's. */
  execArgv: string[];
  env: Record<string, string | undefined>;
}

interface Process {
  platform: string;
  execArgv: string[];
  env: Record<string, string | undefined>;
  allowedNodeEnvironmentFlags: ReadonlySet<string>;
}

/**
 * How to run Node again for this command, or undefined to run it here: no limit (or not Linux, the one
 * system with /proc/self/limits), no WebAssembly (--jitless), already relaunched (or started with the flag and MALLOC_ARENA_MAX set), or a Node
 * without the flag (Node 22.0 and 22.1: the PDF writer then shapes with fontkit, src/writers/pdf/harfbuzz.ts).
 */
export function relaunchForAddressSpace(proc: Process, limitsText: () => string = readLimits): Relaunch | undefined {
  // Under --jitless there is no WebAssembly to make room for (and the PDF writer shapes with fontkit).
  if (proc.platform !== 'linux' || typeof WebAssembly === 'undefined') return undefined;
  let limits: string;
  try {
    limits = limitsText();
  } catch {
    return undefined;
  }
  if (addressSpaceLimit(limits) === undefined) return undefined;
  const off = trapHandlerOff(proc);
  if (off && proc.env.MALLOC_ARENA_MAX !== undefined) return undefined;
  if (!proc.allowedNodeEnvironmentFlags.has(TRAP_HANDLER_OFF)) return undefined;
  return {
    execArgv: off ? proc.execArgv : [...proc.execArgv, TRAP_HANDLER_OFF],
    env: { ...proc.env, MALLOC_ARENA_MAX: proc.env.MALLOC_ARENA_MAX ?? ARENAS },
  };
}

/** Whether Node was started without the WebAssembly trap handler (on its command line or in NODE_OPTIONS). */
export function trapHandlerOff(proc: Pick<Process, 'execArgv' | 'env'> = process): boolean {
  return proc.execArgv.includes(TRAP_HANDLER_OFF) || (proc.env.NODE_OPTIONS ?? '').split(/\s+/).includes(TRAP_HANDLER_OFF);
}

/** This process's address-space limit in bytes (Linux), or undefined. */
export function currentAddressSpaceLimit(): number | undefined {
  try {
    return addressSpaceLimit(readLimits());
  } catch {
    return undefined;
  }
}
