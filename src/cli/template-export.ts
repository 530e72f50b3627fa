// `clu template export DIR`: a copy of a built-in template to start an institution's own from.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtinTemplateDir, loadTemplate, templateFiles, templateManifest, MAIN_FILE } from '../compose/template.js';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';

export async function runTemplateExport(dir: string, options: { name: string }, io: CliIo): Promise<number> {
  const target = path.resolve(io.cwd, dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new UsageError(`${dir}: folder exists and is not empty; choose a new folder so nothing is overwritten`);
  }
  // The copy is self-contained: the partials a built-in template borrows from another are copied too.
  const source = builtinTemplateDir(options.name);
  const { main, partials } = templateFiles(source);
  mkdirSync(path.join(target, 'partials'), { recursive: true });
  copyFileSync(main, path.join(target, MAIN_FILE));
  // The head's order and the chair's place are the template's defaults: the copy keeps them.
  const { description } = templateManifest(source);
  const manifest = { ...(description ? { description } : {}), ...loadTemplate(source).defaults };
  writeFileSync(path.join(target, 'template.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [name, file] of partials) copyFileSync(file, path.join(target, 'partials', `${name}.hbs`));
  if (existsSync(path.join(source, 'style.json'))) copyFileSync(path.join(source, 'style.json'), path.join(target, 'style.json'));
  io.stdout.write(`${dir}\n`);
  io.stderr.write(`Template "${options.name}" copied. Edit it, then: clu render --template ${dir} meeting.yaml\n`);
  return 0;
}
