// Placeholder until the roster command lands.
import type { CliIo } from './io.js';
import { UsageError } from './errors.js';

export async function runRoster(_files: string[], _options: Record<string, unknown>, _io: CliIo): Promise<number> {
  throw new UsageError('roster: not implemented yet');
}
