// The npm package publishes cleanly: what package.json promises exists, publint finds no error, the
// packed manifest has no install script, and every dependency that npm installs accepts Node 20.19.
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown> & {
  bin: Record<string, string>;
  engines: { node: string };
  scripts: Record<string, string>;
};

describe('package.json', () => {
  it('declares no entry point that does not exist, a licence file, and where the project lives', () => {
    // clu is a command, not a library: no main or exports to promise.
    expect(manifest.main).toBeUndefined();
    expect(manifest.exports).toBeUndefined();
    for (const file of Object.values(manifest.bin)) expect(existsSync(path.join(root, file)), file).toBe(true);
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(manifest.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\//) });
    expect(manifest.bugs).toMatchObject({ url: expect.stringMatching(/^https:\/\//) });
    expect(manifest.homepage).toMatch(/^https:\/\//);
  });

  it('publint finds nothing to say (no error, no warning, no suggestion)', async () => {
    const { messages } = await publint({ pkgDir: root, pack: 'npm', level: 'suggestion' });
    expect(messages).toEqual([]);
  }, 120_000);

  it('packs a manifest without the prepare script (dist/ is in the package; nothing to build or approve on install)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clu-pack-'));
    try {
      const copy = path.join(dir, 'package.json');
      copyFileSync(path.join(root, 'package.json'), copy);
      execFileSync(process.execPath, [path.join(root, 'scripts', 'pack-manifest.mjs'), 'disable', copy]);
      const packed = JSON.parse(readFileSync(copy, 'utf8')) as { scripts: Record<string, string> };
      expect(packed.scripts.prepare).toBeUndefined();
      for (const hook of ['preinstall', 'install', 'postinstall']) expect(packed.scripts[hook]).toBeUndefined();
      execFileSync(process.execPath, [path.join(root, 'scripts', 'pack-manifest.mjs'), 'enable', copy]);
      expect(readFileSync(copy, 'utf8')).toBe(readFileSync(path.join(root, 'package.json'), 'utf8'));
      expect(manifest.scripts.prepack).toContain('pack-manifest.mjs disable');
      expect(manifest.scripts.postpack).toContain('pack-manifest.mjs enable');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every package npm installs with clu (not bundled, not dev) accepts the lowest Node clu supports', () => {
    const lowest = manifest.engines.node.replace(/^>=\s*/, '');
    expect(lowest).toBe('20.19');
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; dev?: boolean; inBundle?: boolean; engines?: { node?: string } }>;
    };
    const refused: string[] = [];
    for (const [name, entry] of Object.entries(lock.packages)) {
      if (name === '' || entry.dev || entry.inBundle || !entry.engines?.node) continue;
      if (!satisfies('20.19.0', entry.engines.node)) refused.push(`${name}@${entry.version}: ${entry.engines.node}`);
    }
    expect(refused).toEqual([]);
    // The DOCX writer writes WordprocessingML itself (src/writers/docx*.ts): the docx package (whose own
    // dependency nanoid@6 wanted Node 22) is no dependency at all any more.
    expect(Object.keys(manifest['dependencies'] as Record<string, string>)).not.toContain('docx');
    expect(Object.keys(manifest['devDependencies'] as Record<string, string>)).not.toContain('docx');
  });

  it('the command (dist/bundle) imports no package that is not a dependency', () => {
    const bundle = path.join(root, 'dist', 'bundle');
    const dependencies = new Set(Object.keys(manifest['dependencies'] as Record<string, string>));
    const imported = new Set<string>();
    for (const file of readdirSync(bundle).filter((f) => f.endsWith('.cjs'))) {
      const text = readFileSync(path.join(bundle, file), 'utf8');
      // A package name: what bundled code such as pdfkit's `from"),new Transform("` is not.
      for (const m of text.matchAll(/(?:from\s*|import\(\s*|require\(\s*)["']([@a-z0-9][\w.\-/@]*)["']/gi)) {
        const name = m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!;
        if (!name.startsWith('node:') && !builtinModules.includes(name)) imported.add(name);
      }
    }
    expect(imported.size).toBeGreaterThan(0);
    expect([...imported].filter((name) => !dependencies.has(name))).toEqual([]);
  });
});

/** A small semver range check for the forms engines fields use (>=, >, <, <=, ^, ~, x, ||). */
function satisfies(version: string, range: string): boolean {
  const parse = (v: string) => v.replace(/^v/, '').split('.').map((n) => (n === 'x' || n === '*' ? 0 : Number(n)));
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < 3; i += 1) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  const v = parse(version);
  return range.split('||').some((part) =>
    part
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        const m = /^(>=|<=|>|<|\^|~|=)?(.*)$/.exec(comparator)!;
        const op = m[1] ?? '=';
        const target = parse(m[2]!);
        const c = compare(v, target);
        if (op === '>=') return c >= 0;
        if (op === '>') return c > 0;
        if (op === '<=') return c <= 0;
        if (op === '<') return c < 0;
        if (op === '^') return c >= 0 && v[0] === target[0];
        if (op === '~') return c >= 0 && v[0] === target[0] && v[1] === target[1];
        if (m[2] === '*' || m[2] === 'x' || m[2] === '') return true;
        return m[2]!.split('.').length < 3 ? v[0] === target[0] && (target.length < 2 || v[1] === target[1]) : c === 0;
      }),
  );
}
