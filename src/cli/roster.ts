// Placeholder until the roster command lands.
import type { CliIo } from './io.js';
import { UsageError } from './errors.js';

export type RosterOptions = Record<string, unknown>;

export async function runRoster(_files: string[], _options: RosterOptions, _io: CliIo): Promise<number> {
  throw new UsageError('roster: not implemented yet');
}
