// `clu template export DIR`: a copy of a built-in template to start an institution's own from.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { builtinTemplateDir } from '../compose/template.js';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';

export async function runTemplateExport(dir: string, options: { name: string }, io: CliIo): Promise<number> {
  const target = path.resolve(io.cwd, dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new UsageError(`${dir}: folder exists and is not empty; choose a new folder so nothing is overwritten`);
  }
  cpSync(builtinTemplateDir(options.name), target, { recursive: true });
  io.stdout.write(`${dir}\n`);
  io.stderr.write(`Template "${options.name}" copied. Edit it, then: clu render --template ${dir} meeting.yaml\n`);
  return 0;
}
