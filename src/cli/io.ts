// The process boundary, passed in so that tests can run the CLI in-process and capture everything.
import { Chalk, type ChalkInstance } from 'chalk';
import { localeFromEnv, type Locale } from '../validate/messages.js';

export interface Writable {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Reads all of standard input (for the file argument `-`). */
  readStdin?: () => Promise<Buffer>;
}

/**
 * Colour on a terminal, unless NO_COLOR is set to something (https://no-color.org: an empty NO_COLOR is
 * ignored) or TERM is dumb. FORCE_COLOR forces it on (1, 2, 3, true or empty) or off (0, false), terminal
 * or not, and wins over NO_COLOR, as in Node itself.
 */
export function colours(io: CliIo, stream: Writable): ChalkInstance {
  return new Chalk({ level: colourEnabled(io.env, Boolean(stream.isTTY)) ? 1 : 0 });
}

export function colourEnabled(env: CliIo['env'], tty: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return tty && !noColor && env.TERM !== 'dumb';
}

export function locale(io: CliIo): Locale {
  return localeFromEnv(io.env);
}
