// `clu schema --write DIR`: the three JSON Schemas written into a folder of the project, and the
// `.vscode/settings.json` association that makes VS Code (YAML extension) use them, printed to paste.
import path from 'node:path';
import { jsonSchemaText, type SchemaKind } from '../model/json-schema.js';
import { UsageError } from './errors.js';
import { locale, type CliIo } from './io.js';
import { commitOutputs } from '../output/commit.js';
import { outputFolder } from './output-folder.js';

const KINDS: SchemaKind[] = ['seance', 'composition', 'organisation'];

/**
 * Which files each schema is for, by name: compositions and organisations by their suffix, meetings are
 * the other YAML files (a leading "!" excludes, yaml-language-server ≥ 1.20).
 */
const FILE_MATCH: Record<SchemaKind, string[]> = {
  seance: ['**/*.yaml', '**/*.yml', '!**/*.composition.yaml', '!**/*.organisation.yaml', '!.*/**', '!**/.*.yaml', '!**/.*.yml'],
  composition: ['**/*.composition.yaml'],
  organisation: ['**/*.organisation.yaml'],
};

export async function runSchemaWrite(dir: string, io: CliIo): Promise<number> {
  const folder = outputFolder(dir, io)!;
  const relative = path.relative(io.cwd, folder);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(
      `${dir}: the schemas must go inside the working directory (the project open in the editor)`,
      `${dir} : les schémas doivent aller dans le dossier de travail (le projet ouvert dans l’éditeur)`,
    );
  }
  const schemas: Record<string, string[]> = {};
  const outputs = KINDS.map((kind) => {
    const target = path.join(folder, `${kind}.schema.json`);
    schemas[path.relative(io.cwd, target).split(path.sep).join('/')] = FILE_MATCH[kind];
    return { target, bytes: Buffer.from(jsonSchemaText(kind), 'utf8') };
  });
  await commitOutputs(outputs);
  io.stdout.write(`${JSON.stringify({ 'yaml.schemas': schemas }, null, 2)}\n`);
  io.stderr.write(
    locale(io) === 'fr'
      ? `Schémas écrits dans ${dir}. Ajoutez l’association ci-dessus à .vscode/settings.json (extension YAML de Red Hat), ou mettez en tête de chaque fichier : # yaml-language-server: $schema=…\n`
      : `Schemas written to ${dir}. Add the association above to .vscode/settings.json (Red Hat YAML extension), or start each file with: # yaml-language-server: $schema=…\n`,
  );
  return 0;
}
