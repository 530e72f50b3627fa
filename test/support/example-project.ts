// A small project of meeting files for CLI tests: the Comité Local des Usagers (three meetings, their
// composition and organisation) and the municipal council folder, copied from examples/.
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';

const examples = path.join(import.meta.dirname, '..', '..', 'examples');

export function copyExampleProject(target: string): void {
  for (const name of readdirSync(examples)) {
    if (/^(clu-vienne|prefecture-vienne)/.test(name) || name === 'conseil-municipal') cpSync(path.join(examples, name), path.join(target, name), { recursive: true });
  }
}

/** Its meetings, relative to the project folder, in the order a folder argument gives them. */
export const PROJECT_MEETINGS = [
  'clu-vienne-2021-05-06',
  'clu-vienne-2022-05-12',
  'clu-vienne-2023-06-01',
  'conseil-municipal/conseil-2024-03-28',
  'conseil-municipal/conseil-2024-06-27',
];

/** How many YAML files it has: the meetings, two compositions and two organisations. */
export const PROJECT_FILES = PROJECT_MEETINGS.length + 4;
