// Makes the reference meeting N times as long (its agenda repeated N times), as a valid meeting file
// next to copies of its composition and organisation, for the benchmark's growth measures.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `<dir>/reference-xN.yaml` and returns its path. */
export function scaledReference(examplesDir, dir, times) {
  mkdirSync(dir, { recursive: true });
  for (const file of ['clu-vienne.composition.yaml', 'prefecture-vienne.organisation.yaml']) {
    copyFileSync(path.join(examplesDir, file), path.join(dir, file));
  }
  const lines = readFileSync(path.join(examplesDir, 'clu-vienne-2021-05-06.yaml'), 'utf8').split('\n');
  const start = lines.indexOf('points:');
  const end = lines.indexOf('cloture:');
  if (start < 0 || end < start) throw new Error('the reference meeting has no "points:" followed by "cloture:"');
  const agenda = lines.slice(start + 1, end);
  const scaled = [...lines.slice(0, start + 1), ...Array.from({ length: times }, () => agenda).flat(), ...lines.slice(end)];
  const file = path.join(dir, `reference-x${times}.yaml`);
  writeFileSync(file, scaled.join('\n'));
  return file;
}
