import { readFileSync } from 'node:fs';

/** The template an example is meant for, from its header comment ("# clu render --template NAME"). */
export function templateArgs(file: string): string[] {
  const match = /^# clu render --template (\S+)/m.exec(readFileSync(file, 'utf8'));
  return match ? ['--template', match[1]!] : [];
}
