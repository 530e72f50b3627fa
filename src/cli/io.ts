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
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colours(io: CliIo, stream: Writable): ChalkInstance {
  const enabled = Boolean(stream.isTTY) && !('NO_COLOR' in io.env && io.env.NO_COLOR !== undefined) && io.env.TERM !== 'dumb';
  return new Chalk({ level: enabled ? 1 : 0 });
}

export function locale(io: CliIo): Locale {
  return localeFromEnv(io.env);
}
