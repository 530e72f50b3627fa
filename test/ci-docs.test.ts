// docs/ci.md is runnable: its GitHub Actions workflow, GitLab CI job and pre-commit configuration are
// parsed, and each `clu` command line in them is run on a project holding the examples in seances/.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { copyExampleProject, PROJECT_FILES, PROJECT_MEETINGS } from './support/example-project.js';

const root = path.join(import.meta.dirname, '..');
const doc = readFileSync(path.join(root, 'docs', 'ci.md'), 'utf8');
const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

let project: string;
beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'clu-ci-'));
  copyExampleProject(path.join(project, 'seances'));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** The block whose first line is the given file-name comment. */
function block(name: string): unknown {
  const found = yamlBlocks.find((b) => b.startsWith(`# ${name}\n`));
  if (!found) throw new Error(`docs/ci.md has no yaml block for ${name}`);
  return parse(found);
}

interface Run {
  line: string;
  code: number;
  stdout: string;
  stderr: string;
  /** What `> FILE` wrote. */
  redirected?: string;
}

/** Runs one shell line of the docs (`clu …`, optionally `|| true` and `> FILE`) in the project, in-process. */
async function runLine(line: string): Promise<Run> {
  let words = line.trim().split(/\s+/);
  const tolerant = words.slice(-2).join(' ') === '|| true';
  if (tolerant) words = words.slice(0, -2);
  const arrow = words.indexOf('>');
  const target = arrow >= 0 ? words[arrow + 1] : undefined;
  if (arrow >= 0) words = words.slice(0, arrow);
  expect(words[0], line).toBe('clu');
  // Paths are made absolute: the in-process CLI reads files from the test's own working directory.
  const args = words.slice(1).map((word, i, all) => (!word.startsWith('-') && (word.includes('/') || all[i - 1] === '-o') ? path.join(project, word) : word));
  const r = await runCli(args, { cwd: project });
  if (target !== undefined) writeFileSync(path.join(project, target), r.stdout);
  return { line, ...r, code: tolerant ? 0 : r.code, ...(target !== undefined ? { redirected: r.stdout } : {}) };
}

function githubCommands(): string[] {
  const workflow = block('.github/workflows/clu.yml') as { jobs: Record<string, { steps: { run?: string }[] }> };
  const extra = yamlBlocks.find((b) => b.trimStart().startsWith('- run: clu render'));
  const steps = [...Object.values(workflow.jobs).flatMap((job) => job.steps), ...(extra ? (parse(extra) as { run?: string }[]) : [])];
  return steps.flatMap((step) => (step.run ? step.run.split('\n') : [])).filter((line) => line.startsWith('clu '));
}

function gitlabCommands(): string[] {
  const pipeline = block('.gitlab-ci.yml') as Record<string, { script?: string[]; artifacts?: { reports?: { codequality?: string } } }>;
  return Object.values(pipeline).flatMap((job) => job.script ?? []).filter((line) => line.startsWith('clu '));
}

describe('docs/ci.md', () => {
  it('has a GitHub Actions workflow whose clu lines run clu validate --strict, then render', async () => {
    const lines = githubCommands();
    expect(lines).toEqual(['clu validate --strict --format github seances/', 'clu render --format docx,pdf -o documents/ seances/']);
    const [validate, render] = await Promise.all(lines.map(runLine)).then((runs) => runs);
    expect(validate!.code).toBe(0);
    expect(validate!.stdout).toBe('');
    expect(render!.code).toBe(0);
    // One output folder for meetings of two folders: the names are the meetings' own.
    expect(readdirSync(path.join(project, 'documents')).sort()).toEqual(PROJECT_MEETINGS.flatMap((m) => [`${path.basename(m)}.docx`, `${path.basename(m)}.pdf`]).sort());
  }, 180_000);

  it('has a GitLab CI job that writes the Code Quality report its artifacts name', async () => {
    const pipeline = block('.gitlab-ci.yml') as Record<string, { artifacts?: { when?: string; reports?: { codequality?: string } } }>;
    const report = Object.values(pipeline)[0]!.artifacts?.reports?.codequality;
    expect(report).toBe('clu-code-quality.json');
    const lines = gitlabCommands();
    expect(lines.some((line) => line.includes('--strict') && line.includes('--format gitlab') && line.endsWith(`> ${report}`))).toBe(true);
    for (const line of lines) {
      const r = await runLine(line);
      expect(r.code, line).toBe(0);
    }
    expect(JSON.parse(readFileSync(path.join(project, report!), 'utf8'))).toEqual([]);
  });

  it('the same lines fail (exit 1) and point at the line when a meeting is broken', async () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'clu-ci-broken-'));
    try {
      cpSync(path.join(project, 'seances'), path.join(broken, 'seances'), { recursive: true });
      const file = path.join(broken, 'seances', 'clu-vienne-2022-05-12.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s+)debut: .*$/m, '$1debut: 25h00'));
      const saved = project;
      project = broken;
      try {
        const github = await runLine(githubCommands()[0]!);
        expect(github.code).toBe(1);
        expect(github.stdout).toMatch(/^::error file=.*seances\/clu-vienne-2022-05-12\.yaml,line=\d+,col=\d+/);
        const gitlab = gitlabCommands().find((line) => line.includes('--format gitlab'))!;
        const r = await runLine(gitlab);
        expect(r.code).toBe(1);
        const issues = JSON.parse(r.redirected!) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
        expect(issues).toHaveLength(1);
        expect(issues[0]).toMatchObject({ check_name: 'clu/schema-invalid', location: { path: 'seances/clu-vienne-2022-05-12.yaml', lines: { begin: 17 } }, severity: 'major' });
        expect(issues[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      } finally {
        project = saved;
      }
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('has a pre-commit configuration whose hook is defined at the root and checks the meeting files', async () => {
    const config = block('.pre-commit-config.yaml') as { repos: { hooks: { id: string; files?: string }[] }[] };
    const hook = config.repos[0]!.hooks[0]!;
    const definitions = parse(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; exclude: string }[];
    const definition = definitions.find((d) => d.id === hook.id);
    expect(definition).toBeDefined();
    expect(definition!.entry).toBe('clu validate --strict');
    expect(definition!.language).toBe('node');
    // What pre-commit would pass: the tracked files matching the hook's files and exclude patterns.
    const all = ['.gitlab-ci.yml', '.pre-commit-config.yaml', 'README.md', ...listFiles(path.join(project, 'seances')).map((f) => `seances/${f}`)];
    const files = all.filter((f) => new RegExp(hook.files ?? definition!.files).test(f) && new RegExp(definition!.files).test(f) && !new RegExp(definition!.exclude).test(f));
    expect(files).toHaveLength(PROJECT_FILES);
    const r = await runLine(`${definition!.entry} ${files.join(' ')}`);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`✓ ${PROJECT_FILES} files valid\n`);
  });

  it('the hook leaves out CI and tool files (names or folders starting with a dot)', () => {
    const definitions = parse(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { exclude: string }[];
    const exclude = new RegExp(definitions[0]!.exclude);
    for (const file of ['.gitlab-ci.yml', '.pre-commit-config.yaml', '.github/workflows/clu.yml']) expect(exclude.test(file), file).toBe(true);
    expect(exclude.test('seances/2024-05-16.yaml')).toBe(false);
    expect(existsSync(path.join(root, '.pre-commit-hooks.yaml'))).toBe(true);
  });
});

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

describe('--format json when clu cannot run', () => {
  it('prints an error document (same version) on stdout, exit 2, for a usage error and for a missing file', async () => {
    for (const args of [
      ['validate', '--format', 'json', '--nope', 'x.yaml'],
      ['validate', '--format=json', path.join(root, 'missing.yaml')],
      ['validate', '-f', 'json', '-', '-'],
    ]) {
      const r = await runCli(args, { stdin: '' });
      expect(r.code, args.join(' ')).toBe(2);
      const document = JSON.parse(r.stdout);
      expect(document).toMatchObject({ version: 1, kind: 'error', ok: false, error: { exitCode: 2 } });
      expect(document.error.message).not.toMatch(/^error:/);
      expect(r.stderr).not.toBe('');
    }
    const french = await runCli(['validate', '--format', 'json', path.join(root, 'missing.yaml')], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(JSON.parse(french.stdout).error.message).toContain('fichier introuvable');
    const frenchUsage = await runCli(['validate', '--format', 'json', '--nope', 'x.yaml'], { env: { LANG: 'fr_FR.UTF-8' } });
    expect(JSON.parse(frenchUsage.stdout).error.message).toBe('option inconnue « --nope »');
    // Other formats keep stdout empty.
    expect((await runCli(['validate', '--nope', 'x.yaml'])).stdout).toBe('');
  });
});

describe('clu schema --write DIR', () => {
  it('writes the three schemas and prints the .vscode/settings.json association pointing at them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clu-schema-'));
    try {
      const r = await runCli(['schema', '--write', '.vscode/schemas'], { cwd: dir });
      expect(r.code).toBe(0);
      const settings = JSON.parse(r.stdout) as { 'yaml.schemas': Record<string, string[]> };
      expect(Object.keys(settings['yaml.schemas'])).toEqual(['.vscode/schemas/seance.schema.json', '.vscode/schemas/composition.schema.json', '.vscode/schemas/organisation.schema.json']);
      for (const [file, globs] of Object.entries(settings['yaml.schemas'])) {
        const written = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { $schema: string };
        expect(written.$schema).toBe('http://json-schema.org/draft-07/schema#');
        expect(globs.length).toBeGreaterThan(0);
      }
      expect(settings['yaml.schemas']['.vscode/schemas/composition.schema.json']).toEqual(['**/*.composition.yaml']);
      expect(readFileSync(path.join(dir, '.vscode/schemas/seance.schema.json'), 'utf8')).toBe(readFileSync(path.join(root, 'schema', 'seance.schema.json'), 'utf8'));
      // docs/ci.md shows the same association.
      expect(doc).toContain(JSON.stringify(settings['yaml.schemas']['.vscode/schemas/seance.schema.json']).replace(/","/g, '", "'));
      const outside = await runCli(['schema', '--write', '../elsewhere'], { cwd: dir });
      expect(outside.code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the JSON Schemas', () => {
  const schemas = ['seance', 'composition', 'organisation'].map((kind) => JSON.parse(readFileSync(path.join(root, 'schema', `${kind}.schema.json`), 'utf8')) as Record<string, unknown>);

  it('describe every key (editors show the description on hover)', () => {
    const missing: string[] = [];
    for (const schema of schemas) {
      const definitions = (schema['definitions'] ?? {}) as Record<string, Record<string, unknown>>;
      const resolve = (node: Record<string, unknown>) => (typeof node['$ref'] === 'string' ? (definitions[(node['$ref'] as string).split('/').pop()!] ?? node) : node);
      const seen = new Set<unknown>();
      const walk = (node: Record<string, unknown> | undefined, where: string) => {
        if (!node || typeof node !== 'object' || seen.has(node)) return;
        seen.add(node);
        for (const [key, value] of Object.entries((node['properties'] ?? {}) as Record<string, Record<string, unknown>>)) {
          if (!value['description'] && !resolve(value)['description']) missing.push(`${where}.${key}`);
          walk(resolve(value), `${where}.${key}`);
        }
        for (const key of ['items', 'additionalProperties']) if (node[key] && typeof node[key] === 'object') walk(resolve(node[key] as Record<string, unknown>), `${where}[]`);
        for (const key of ['anyOf', 'oneOf', 'allOf']) for (const branch of (node[key] ?? []) as Record<string, unknown>[]) walk(resolve(branch), where);
      };
      walk(schema, String(schema['title']));
      for (const [name, definition] of Object.entries(definitions)) walk(definition, `#${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('mark dates with format: date (editors check and complete them)', () => {
    const text = JSON.stringify(schemas[0]);
    const dates = text.match(/"pattern":"\^\\\\d\{4\}-\\\\d\{2\}-\\\\d\{2\}\$"/g) ?? [];
    expect(dates.length).toBeGreaterThan(0);
    const seance = (schemas[0]!['properties'] as Record<string, { properties: Record<string, { format?: string }> }>)['seance']!;
    expect(seance.properties['date']!.format).toBe('date');
    expect((text.match(/"format":"date"/g) ?? []).length).toBe(dates.length);
  });
});
