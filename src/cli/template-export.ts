// `clu template export DIR`: a copy of a built-in template to start an institution's own from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { builtinTemplateDir, loadTemplate, templateFiles, templateManifest, MAIN_FILE } from '../compose/template.js';
import { readRegularFileOrFail } from '../load/read-file.js';
import { commitOutputs, type Output } from '../output/commit.js';
import { exitCleanlyOnSignal } from '../output/interrupt.js';
import { checkTargets } from '../output/targets.js';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';

export async function runTemplateExport(dir: string, options: { name: string }, io: CliIo): Promise<number> {
  const target = path.resolve(io.cwd, dir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new UsageError(`${dir}: is a file; choose a new folder for the template`, `${dir} : est un fichier ; choisissez un nouveau dossier pour le modèle`);
  }
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new UsageError(
      `${dir}: folder exists and is not empty; choose a new folder so nothing is overwritten`,
      `${dir} : le dossier existe et n’est pas vide ; choisissez un nouveau dossier pour ne rien écraser`,
    );
  }
  // The copy is self-contained: the partials a built-in template borrows from another are copied too.
  const source = builtinTemplateDir(options.name);
  const { main, partials } = templateFiles(source);
  const outputs: Output[] = [{ target: path.join(target, MAIN_FILE), bytes: readRegularFileOrFail(main, 'template') }];
  // The head's order and the chair's place are the template's defaults: the copy keeps them.
  const { description } = templateManifest(source);
  const manifest = { ...(description ? { description } : {}), ...loadTemplate(source).defaults };
  outputs.push({ target: path.join(target, 'template.json'), bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) });
  for (const [name, file] of partials) outputs.push({ target: path.join(target, 'partials', `${name}.hbs`), bytes: readRegularFileOrFail(file, 'template') });
  const style = path.join(source, 'style.json');
  if (existsSync(style)) outputs.push({ target: path.join(target, 'style.json'), bytes: readRegularFileOrFail(style, 'style') });
  checkTargets(
    outputs.map((output) => ({ target: output.target, from: source })),
    [],
  );
  exitCleanlyOnSignal();
  await commitOutputs(outputs);
  io.stdout.write(`${dir}\n`);
  io.stderr.write(`Template "${options.name}" copied. Edit it, then: clu render --template ${dir} meeting.yaml\n`);
  return 0;
}
