// One file set for every command: validate, render and roster accept the same arguments (shared
// composition and organisation files, folders, `-` for standard input), and `-o` must be a folder.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { copyExampleProject, PROJECT_FILES, PROJECT_MEETINGS } from './support/example-project.js';

const root = path.join(import.meta.dirname, '..');
const examples = path.join(root, 'examples');
const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clu-files-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of some examples, so that outputs written next to the inputs stay out of the repository. */
function examplesCopy(): string {
  const dir = tmp();
  copyExampleProject(dir);
  return dir;
}

describe('shared composition and organisation files among the arguments', () => {
  it('clu render meetings/*.yaml renders the meetings and skips the shared files with one line each', async () => {
    const dir = examplesCopy();
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(dir, f));
    const r = await runCli(['render', '--format', 'md', ...files]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((f) => path.basename(f))).toEqual(['clu-vienne-2021-05-06.md', 'clu-vienne-2022-05-12.md', 'clu-vienne-2023-06-01.md']);
    const notes = r.stderr.trim().split('\n');
    expect(notes).toEqual([
      `clu: ${path.join(dir, 'clu-vienne.composition.yaml')}: composition file, checked and used through the meetings that include it; skipped`,
      `clu: ${path.join(dir, 'prefecture-vienne.organisation.yaml')}: organisation file, checked and used through the meetings that include it; skipped`,
    ]);
    expect(r.stderr).not.toMatch(/error|internal/);
  });

  it('the notes are in French under a French locale, and --quiet leaves them out', async () => {
    const dir = examplesCopy();
    const args = ['render', '--format', 'md', path.join(dir, 'clu-vienne-2022-05-12.yaml'), path.join(dir, 'clu-vienne.composition.yaml')];
    const fr = await runCli(args, { env: { LANG: 'fr_FR.UTF-8' } });
    expect(fr.stderr).toBe(`clu : ${path.join(dir, 'clu-vienne.composition.yaml')} : fichier de composition, vérifié et utilisé par les séances qui l’incluent ; ignoré\n`);
    const quiet = await runCli([...args, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('a broken shared file is still reported as such, with its position', async () => {
    const dir = examplesCopy();
    const composition = path.join(dir, 'clu-vienne.composition.yaml');
    writeFileSync(composition, readFileSync(composition, 'utf8').replace('membres:', 'membres:\n  x: { civilite: Mx, nom: A }'));
    const r = await runCli(['render', '--format', 'md', path.join(dir, 'clu-vienne-2022-05-12.yaml'), composition]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${composition}:`);
    expect(r.stdout).toBe('');
  });

  it('clu roster takes the meetings and skips the composition; alone, a composition is a usage error', async () => {
    const r = await runCli(['roster', '--format', 'json', path.join(examples, 'clu-vienne-2022-05-12.yaml'), path.join(examples, 'clu-vienne.composition.yaml')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('counts');
    expect(r.stderr).toContain('clu-vienne.composition.yaml: composition file');
    const alone = await runCli(['roster', path.join(examples, 'clu-vienne.composition.yaml')]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('is a composition file');
  });

  it('clu roster --sheet on a folder: with --date the compositions make the sheets and the meetings are skipped', async () => {
    const dir = examplesCopy();
    const r = await runCli(['roster', '--sheet', '--sheet-format', 'pdf', '--date', '2024-05-02', '-o', path.join(dir, 'out'), dir]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((f) => path.basename(f))).toEqual(['clu-vienne-2024-05-02.emargement.pdf', 'conseil-municipal-2024-05-02.emargement.pdf']);
    expect(r.stderr.match(/meeting file, which has its own date/g)).toHaveLength(PROJECT_MEETINGS.length);
    expect(r.stderr).toContain('clu-vienne-2021-05-06.yaml: meeting file, which has its own date');
    const without = await runCli(['roster', '--sheet', '--sheet-format', 'pdf', '-o', path.join(dir, 'out2'), dir]);
    expect(without.code).toBe(0);
    expect(without.stdout.trim().split('\n')).toHaveLength(PROJECT_MEETINGS.length);
    expect(without.stderr).toContain('clu-vienne.composition.yaml: composition file: a sign-in sheet from it needs --date');
  });
});

describe('a folder argument', () => {
  it('means its YAML files, recursively, in a stable order (names in code-point order, depth first)', async () => {
    const dir = examplesCopy();
    const r = await runCli(['render', '--format', 'md', '--quiet', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((f) => path.relative(dir, f))).toEqual(PROJECT_MEETINGS.map((m) => `${m}.md`));
    const validate = await runCli(['validate', dir]);
    expect(validate.code).toBe(0);
    expect(validate.stderr).toBe(`✓ ${PROJECT_FILES} files valid\n`);
  });

  it('a file given twice, or inside a folder also given, counts once', async () => {
    const dir = examplesCopy();
    const file = path.join(dir, 'clu-vienne-2022-05-12.yaml');
    const r = await runCli(['validate', file, dir, file]);
    expect(r.stderr).toBe(`✓ ${PROJECT_FILES} files valid\n`);
  });
});

describe('- reads one meeting from standard input', () => {
  const meeting = () => readFileSync(path.join(examples, 'clu-vienne-2022-05-12.yaml'), 'utf8');

  it('validates it, with its includes resolved from the working directory', async () => {
    const r = await runCli(['validate', '-'], { stdin: meeting(), cwd: examples });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('✓ 1 file valid\n');
    const elsewhere = await runCli(['validate', '--format', 'json', '-'], { stdin: meeting(), cwd: root });
    expect(elsewhere.code).toBe(1);
    expect(JSON.parse(elsewhere.stdout).diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`)).toContain('<stdin> include-not-found');
  });

  it('renders it as seance-DATE in the output folder', async () => {
    const out = tmp();
    const r = await runCli(['render', '--format', 'md', '-o', out, '-'], { stdin: meeting(), cwd: examples });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${path.join(out, 'seance-2022-05-12.md')}\n`);
    expect(readFileSync(path.join(out, 'seance-2022-05-12.md'), 'utf8')).toContain('Comité Local des Usagers');
  });

  it('can be given only once', async () => {
    const r = await runCli(['validate', '-', '-'], { stdin: meeting() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('clu: "-" (standard input) can be given only once\n');
  });
});

describe('-o pointing at an existing file', () => {
  it('is a usage error (exit 2), in English and in French, and nothing is written', async () => {
    const dir = tmp();
    const file = path.join(dir, 'not-a-folder');
    writeFileSync(file, 'keep me');
    const meeting = path.join(examples, 'clu-vienne-2022-05-12.yaml');
    const en = await runCli(['render', '-o', file, meeting]);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(`clu: -o ${file}: is a file, not a folder; give a folder for the outputs (it is created if needed)\n`);
    const fr = await runCli(['roster', '--sheet', '-o', file, meeting], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(fr.code).toBe(2);
    expect(fr.stderr).toContain('est un fichier, pas un dossier');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['not-a-folder']);
    expect(existsSync(path.join(examples, 'clu-vienne-2022-05-12.pdf'))).toBe(false);
  });
});

describe('a user’s image that cannot be used', () => {
  it('is a diagnostic at the logo’s line (exit 1, nothing written), not a bug', async () => {
    const dir = examplesCopy();
    const organisation = path.join(dir, 'prefecture-vienne.organisation.yaml');
    writeFileSync(organisation, readFileSync(organisation, 'utf8').replace(/^marque:$/m, 'marque:\n  logo: { fichier: absent.png }'));
    // Missing, not an image, and a PNG cut short.
    const truncated = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    for (const content of [undefined, 'not a PNG', truncated]) {
      if (content !== undefined) writeFileSync(path.join(dir, 'absent.png'), content);
      const out = path.join(dir, `out-${content === undefined ? 'missing' : typeof content === 'string' ? 'wrong' : 'truncated'}`);
      const r = await runCli(['render', '-o', out, path.join(dir, 'clu-vienne-2022-05-12.yaml')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`${organisation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ error .*absent\\.png`));
      expect(r.stderr).not.toMatch(/internal error|this is a bug|\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  });
});
