// The fault-injection scenarios of docs/reliability.md: each one sets up a project folder, does to clu
// what a careless user, a hostile pull request or a full disk would, and checks that clu held: the
// right exit code, a one-line message (never "internal error"), the previous outputs intact, no
// temporary file left behind, nothing read or written outside the project.
// Run them all with `npm run faults` (a table tried / held); test/faults.test.ts runs the ones that
// need no privileges. They run the built CLI (bin/clu → dist/) as a separate process.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
const BIN = path.join(ROOT, 'bin', 'clu');
const INJECT = path.join(here, 'inject.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const INTER = path.join(ROOT, 'node_modules', '@expo-google-fonts', 'inter', '400Regular', 'Inter_400Regular.ttf');

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

// ── Running clu ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Runs clu to completion; `fault` injects a file-system failure (scripts/faults/inject.js). By default
 * as a separate process (bin/clu); the test suite plugs in an in-process runner with useRunner().
 */
export function clu(args, options = {}) {
  return runner(args, options);
}

let runner = spawnClu;

/** runner(args, { cwd, env, fault, timeout }) → { code, stdout, stderr, ms, timedOut } */
export function useRunner(run) {
  runner = run;
}

export async function spawnClu(args, { cwd, env = {}, fault, timeout = 60_000 } = {}) {
  const started = Date.now();
  const { child, done } = startClu(args, { cwd, env, fault });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeout);
  const end = await done;
  clearTimeout(timer);
  return { ...end, ms: Date.now() - started, timedOut };
}

function cluEnv(env, fault) {
  const base = { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1', ...env };
  delete base.SOURCE_DATE_EPOCH;
  if (env.SOURCE_DATE_EPOCH !== undefined) base.SOURCE_DATE_EPOCH = env.SOURCE_DATE_EPOCH;
  if (fault) Object.assign(base, { NODE_OPTIONS: `--import=${pathToUrl(INJECT)}`, CLU_FAULT: fault });
  return base;
}

function pathToUrl(file) {
  return new URL(`file://${file}`).href;
}

/** Starts clu as a process without waiting; `done` resolves with its exit code or signal and output. */
function startClu(args, { cwd, env = {}, fault } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cluEnv(env, fault), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

// ── A project to break ──────────────────────────────────────────────────────────────────────────────

/** A PNG of w × h pixels, whole and valid. */
export function png(width, height) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x91)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const MEETING = fs
  .readFileSync(path.join(FIXTURES, 'valid-base.yaml'), 'utf8')
  .replace('composition: invalid/_composition.yaml', 'composition: comp.yaml\norganisation: org.yaml');
const ORGANISATION = 'marque:\n  institution: [PRÉFET, DE LA VIENNE]\n  logo: { fichier: logo.png, largeur: 60, alt: Logo }\n';

/** A project (a folder with .git) holding m.yaml, comp.yaml, org.yaml and logo.png; out/ holds old outputs. */
export function project(name = 'project') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `clu-faults-${name}-`));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.writeFileSync(path.join(dir, 'm.yaml'), MEETING);
  fs.copyFileSync(path.join(FIXTURES, 'invalid', '_composition.yaml'), path.join(dir, 'comp.yaml'));
  fs.writeFileSync(path.join(dir, 'org.yaml'), ORGANISATION);
  fs.writeFileSync(path.join(dir, 'logo.png'), png(40, 20));
  const out = path.join(dir, 'out');
  fs.mkdirSync(out);
  // "Previous outputs": what a failed run must leave exactly as it was.
  for (const ext of ['docx', 'pdf', 'md']) fs.writeFileSync(path.join(out, `m.${ext}`), `previous ${ext}\n`);
  return {
    dir,
    out,
    file: (name) => path.join(dir, name),
    write: (name, content) => fs.writeFileSync(path.join(dir, name), content),
    meeting: (edit) => fs.writeFileSync(path.join(dir, 'm.yaml'), edit(MEETING)),
    /** The previous outputs are byte for byte what they were. */
    intact: () => ['docx', 'pdf', 'md'].every((ext) => read(path.join(out, `m.${ext}`)) === `previous ${ext}\n`),
    /** A folder beside the project, outside it, removed with it. */
    outside: (name) => fs.mkdirSync(`${dir}-outside/${name}`, { recursive: true }) ?? `${dir}-outside/${name}`,
    remove: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(`${dir}-outside`, { recursive: true, force: true });
    },
  };
}

/** A template folder (copy of the built-in one) to break. */
function template(p, style) {
  const dir = p.file('tpl');
  fs.cpSync(path.join(ROOT, 'templates', 'compte-rendu'), dir, { recursive: true });
  if (style !== undefined) fs.writeFileSync(path.join(dir, 'style.json'), typeof style === 'string' ? style : JSON.stringify(style));
  return dir;
}

function read(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function sha(file) {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return 'missing';
  }
}

/** Files clu leaves only while it runs: temporary files, journals, the folder lock. */
export function leftovers(dir) {
  try {
    return fs.readdirSync(dir).filter((name) => name.startsWith('.clu-') || name === '.clu.lock' || name.endsWith('.tmp'));
  } catch {
    return [];
  }
}

function mkfifo(file) {
  const r = spawnSync('mkfifo', [file]);
  if (r.status !== 0) throw new Error(`mkfifo ${file} failed`);
}

// ── Verdicts ────────────────────────────────────────────────────────────────────────────────────────

/** Exit code as expected, a short clean message, no stack trace. */
function clean(r, code, pattern) {
  const problems = [];
  if (r.timedOut) problems.push(`timed out after ${r.ms} ms`);
  if (r.code !== code) problems.push(`exit ${r.code ?? r.signal}, expected ${code}`);
  if (/internal error|    at /.test(r.stderr)) problems.push('internal error / stack trace');
  if (code === 2 && !/^clu: [^\n]+\n$/.test(r.stderr)) problems.push(`not one "clu:" line: ${JSON.stringify(r.stderr.slice(0, 200))}`);
  if (pattern && !pattern.test(r.stderr)) problems.push(`message does not match ${pattern}: ${JSON.stringify(r.stderr.slice(0, 200))}`);
  return problems;
}

function verdict(problems, detail) {
  return problems.length === 0 ? { held: true, detail } : { held: false, detail: problems.join('; ') };
}

/** The common check of a run that must fail: code, message, previous outputs intact, no leftovers. */
function failsCleanly(p, r, code, pattern, detail) {
  const problems = clean(r, code, pattern);
  if (!p.intact()) problems.push('a previous output was changed');
  const left = leftovers(p.out);
  if (left.length > 0) problems.push(`left behind: ${left.join(', ')}`);
  return verdict(problems, detail ?? firstLine(r.stderr));
}

function firstLine(text) {
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').slice(0, 110);
}

function withProject(run) {
  return async (options) => {
    const p = project();
    try {
      return await run(p, options);
    } finally {
      p.remove();
    }
  };
}

const render = (p, extra = [], options = {}) => clu(['render', '-o', p.out, ...extra, p.file('m.yaml')], { cwd: p.dir, ...options });

// ── Scenarios ───────────────────────────────────────────────────────────────────────────────────────

/** @type {import('./scenarios.js').Scenario[]} */
export const scenarios = [
  // Writes that cannot lie or escape
  {
    group: 'write',
    name: 'full disk: a real tmpfs of 400 kB, filled up',
    needs: 'root',
    run: withProject(async (p) => {
      const disk = p.file('disk');
      fs.mkdirSync(disk);
      if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', disk]).status !== 0) return { held: false, detail: 'mount -t tmpfs failed' };
      try {
        const first = await clu(['render', '-o', disk, p.file('m.yaml')], { cwd: p.dir });
        if (first.code !== 0) return { held: false, detail: `first render failed: ${firstLine(first.stderr)}` };
        const before = ['m.docx', 'm.pdf'].map((f) => sha(path.join(disk, f)));
        const filler = fs.openSync(path.join(disk, 'filler'), 'w');
        try {
          for (;;) fs.writeSync(filler, Buffer.alloc(16 * 1024, 1));
        } catch {
          // full
        } finally {
          fs.closeSync(filler);
        }
        p.meeting((m) => m.replace('Point unique', 'Point unique modifié'));
        const r = await clu(['render', '-o', disk, p.file('m.yaml')], { cwd: p.dir });
        const problems = clean(r, 2, /no space left/);
        if (['m.docx', 'm.pdf'].some((f, i) => sha(path.join(disk, f)) !== before[i])) problems.push('a previous output was changed');
        const left = leftovers(disk);
        if (left.length > 0) problems.push(`left behind: ${left.join(', ')}`);
        return verdict(problems, firstLine(r.stderr));
      } finally {
        spawnSync('umount', [disk]);
      }
    }),
  },
  {
    group: 'write',
    name: 'full disk, injected: every write fails with ENOSPC',
    run: withProject(async (p) => failsCleanly(p, await render(p, [], { fault: 'write-enospc' }), 2, /no space left/)),
  },
  {
    group: 'write',
    name: 'short writes, injected: each write takes half the bytes',
    run: withProject(async (p) => {
      const r = await render(p, ['--format', 'docx,pdf'], { fault: 'write-short' });
      const reference = await clu(['render', '-o', p.file('ref'), p.file('m.yaml')], { cwd: p.dir });
      const problems = clean(r, 0);
      if (reference.code !== 0) problems.push('reference render failed');
      for (const ext of ['docx', 'pdf']) if (sha(path.join(p.out, `m.${ext}`)) !== sha(p.file(`ref/m.${ext}`))) problems.push(`m.${ext} differs from a normal render`);
      return verdict(problems, 'outputs identical to a normal render');
    }),
  },
  {
    group: 'write',
    name: 'fsync fails, injected EIO',
    run: withProject(async (p) => failsCleanly(p, await render(p, [], { fault: 'fsync-eio' }), 2, /input\/output error/)),
  },
  {
    group: 'write',
    name: 'read-only file system, injected EROFS',
    run: withProject(async (p) => failsCleanly(p, await render(p, [], { fault: 'open-erofs' }), 2, /read-only/)),
  },
  {
    group: 'write',
    name: 'read-only file system: a real read-only tmpfs',
    needs: 'root',
    run: withProject(async (p) => {
      const disk = p.file('ro');
      fs.mkdirSync(disk);
      if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', disk]).status !== 0) return { held: false, detail: 'mount failed' };
      try {
        const r = await clu(['render', '-o', disk, p.file('m.yaml')], { cwd: p.dir });
        return verdict(clean(r, 2, /read-only/), firstLine(r.stderr));
      } finally {
        spawnSync('umount', [disk]);
      }
    }),
  },
  {
    group: 'write',
    name: 'permission denied, injected EACCES',
    run: withProject(async (p) => failsCleanly(p, await render(p, [], { fault: 'open-eacces' }), 2, /permission denied/)),
  },
  {
    group: 'write',
    name: 'too many symbolic links, injected ELOOP',
    run: withProject(async (p) => failsCleanly(p, await render(p, [], { fault: 'open-eloop' }), 2, /symbolic link/)),
  },
  {
    group: 'write',
    name: 'planted links at the old predictable temporary names and at the lock',
    run: withProject(async (p) => {
      const victim = p.file('victim.txt');
      fs.writeFileSync(victim, 'victim\n');
      for (let pid = 1; pid < 400; pid++) {
        for (const ext of ['docx', 'pdf']) fs.symlinkSync(victim, path.join(p.out, `.m.${ext}.${pid}.tmp`));
      }
      fs.symlinkSync(victim, path.join(p.out, '.clu.lock'));
      const r = await render(p);
      const problems = clean(r, 0);
      if (read(victim) !== 'victim\n') problems.push('the file outside was overwritten');
      return verdict(problems, 'file outside unchanged');
    }),
  },
  {
    group: 'write',
    name: 'the output file is a link to a file outside the folder',
    run: withProject(async (p) => {
      const victim = p.file('victim.pdf');
      fs.writeFileSync(victim, 'victim\n');
      fs.rmSync(path.join(p.out, 'm.pdf'));
      fs.symlinkSync(victim, path.join(p.out, 'm.pdf'));
      const r = await render(p);
      const problems = clean(r, 0);
      if (read(victim) !== 'victim\n') problems.push('the file outside was overwritten');
      if (!fs.lstatSync(path.join(p.out, 'm.pdf')).isFile()) problems.push('m.pdf is still a link');
      return verdict(problems, 'the link is replaced, the file outside unchanged');
    }),
  },
  {
    group: 'write',
    name: '-o names an existing file',
    run: withProject(async (p) => failsCleanly(p, await render(p, ['-o', p.file('m.yaml')]), 2, /is a file/)),
  },
  {
    group: 'write',
    name: '-o is a path under a file',
    run: withProject(async (p) => failsCleanly(p, await render(p, ['-o', p.file('logo.png/x')]), 2, /is a file, not a folder/)),
  },
  {
    group: 'write',
    name: '-o inside /proc',
    run: withProject(async (p) => failsCleanly(p, await clu(['render', '-o', '/proc/self/clu-out', p.file('m.yaml')], { cwd: p.dir, timeout: 15_000 }), 2, /pseudo-filesystem/)),
  },
  {
    group: 'write',
    name: 'an output file is a folder',
    run: withProject(async (p) => {
      fs.rmSync(path.join(p.out, 'm.pdf'));
      fs.mkdirSync(path.join(p.out, 'm.pdf'));
      const r = await render(p);
      const problems = clean(r, 2, /a folder has the name/);
      if (read(path.join(p.out, 'm.docx')) !== 'previous docx\n') problems.push('the DOCX was written anyway');
      return verdict(problems, firstLine(r.stderr));
    }),
  },
  {
    group: 'write',
    name: 'an output file is the input',
    run: withProject(async (p) => {
      fs.copyFileSync(p.file('m.yaml'), p.file('seance.md'));
      const before = read(p.file('seance.md'));
      const r = await clu(['render', '--format', 'md', p.file('seance.md')], { cwd: p.dir });
      const problems = clean(r, 2, /refusing to overwrite the input/);
      if (read(p.file('seance.md')) !== before) problems.push('the input was overwritten');
      return verdict(problems, firstLine(r.stderr));
    }),
  },
  {
    group: 'write',
    name: 'two meetings with the same name, from two folders, into one -o',
    run: withProject(async (p) => {
      fs.mkdirSync(p.file('b'));
      for (const f of ['comp.yaml', 'org.yaml', 'logo.png', 'm.yaml']) fs.copyFileSync(p.file(f), p.file(`b/${f}`));
      const r = await clu(['render', '-o', p.out, p.file('m.yaml'), p.file('b/m.yaml')], { cwd: p.dir });
      return failsCleanly(p, r, 2, /two inputs would write/);
    }),
  },
  {
    group: 'write',
    name: 'the PDF fails (broken font) after the DOCX is rendered: neither is written',
    run: withProject(async (p) => {
      p.write('broken.ttf', 'not a font');
      const tpl = template(p, { fonts: { regular: '../broken.ttf' } });
      return failsCleanly(p, await render(p, ['-t', tpl]), 2, /font cannot be used/);
    }),
  },
  {
    group: 'write',
    name: 'stale temporary files and journal of a killed run: finished or removed',
    run: withProject(async (p) => {
      const dead = deadPid();
      const temp = `.clu-${dead}-0123456789abcdef.tmp`;
      const orphan = `.clu-${dead}-fedcba9876543210.tmp`;
      fs.writeFileSync(path.join(p.out, temp), 'new md from the killed run\n');
      fs.writeFileSync(path.join(p.out, orphan), 'half-written\n');
      fs.writeFileSync(path.join(p.out, `.clu-${dead}-00000000000000aa.commit`), JSON.stringify([{ temp, target: 'm.md' }]));
      fs.writeFileSync(path.join(p.out, '.clu.lock'), String(dead));
      const r = await render(p, ['--format', 'docx']);
      const problems = clean(r, 0);
      if (read(path.join(p.out, 'm.md')) !== 'new md from the killed run\n') problems.push('the journal was not finished');
      const left = leftovers(p.out);
      if (left.length > 0) problems.push(`left behind: ${left.join(', ')}`);
      return verdict(problems, 'journal finished, orphan removed, lock taken over');
    }),
  },
  {
    group: 'write',
    name: 'template export onto a file, and under a file',
    run: withProject(async (p) => {
      const onto = await clu(['template', 'export', p.file('m.yaml')], { cwd: p.dir });
      const under = await clu(['template', 'export', p.file('m.yaml/tpl')], { cwd: p.dir });
      return verdict([...clean(onto, 2, /is a file/), ...clean(under, 2, /is a file/)], firstLine(onto.stderr));
    }),
  },
  {
    group: 'write',
    name: 'template export into a read-only folder, injected EROFS',
    run: withProject(async (p) => {
      const r = await clu(['template', 'export', p.file('tpl-out')], { cwd: p.dir, fault: 'open-erofs' });
      const problems = clean(r, 2, /read-only/);
      if (fs.existsSync(p.file('tpl-out'))) problems.push('a half-exported folder was left');
      return verdict(problems, firstLine(r.stderr));
    }),
  },
  {
    group: 'process',
    name: 'kill -9 at random moments (each output old or new, a meeting’s pair together)',
    slow: true,
    run: withProject(async (p, { rounds = 50 } = {}) => killLoop(p, rounds, 'SIGKILL')),
  },
  {
    group: 'process',
    name: 'SIGINT and SIGTERM at random moments (clean exit, nothing left behind)',
    slow: true,
    run: withProject(async (p, { rounds = 50 } = {}) => killLoop(p, Math.ceil(rounds / 2), 'SIGINT/SIGTERM')),
  },
  {
    group: 'process',
    name: 'kill -9 between the renames of the DOCX and the PDF: the next run finishes the pair',
    slow: true,
    run: withProject(async (p) => {
      const v = await versions(p);
      v.use('A');
      await spawnClu(['render', '-o', p.out, p.file('m.yaml')], { cwd: p.dir });
      v.use('B');
      const killed = await spawnClu(['render', '-o', p.out, p.file('m.yaml')], { cwd: p.dir, fault: 'kill-after-first-rename' });
      const torn = state(p, v);
      const problems = [];
      if (killed.signal !== 'SIGKILL') problems.push(`the run was not killed (exit ${killed.code})`);
      if (torn.docx === undefined || torn.pdf === undefined) problems.push(`a corrupt output: ${JSON.stringify(torn)}`);
      if (!leftovers(p.out).some((n) => n.endsWith('.commit'))) problems.push('no journal left by the killed run');
      // The next run into the folder (here a Markdown render) finishes the renames first.
      const next = await spawnClu(['render', '--format', 'md', '-o', p.out, p.file('m.yaml')], { cwd: p.dir });
      const after = state(p, v);
      if (next.code !== 0) problems.push(`next run: exit ${next.code}`);
      if (after.docx !== 'B' || after.pdf !== 'B') problems.push(`after the next run: DOCX ${after.docx}, PDF ${after.pdf}`);
      if (leftovers(p.out).length > 0) problems.push(`left behind: ${leftovers(p.out).join(', ')}`);
      return verdict(problems, `killed with DOCX ${torn.docx} beside PDF ${torn.pdf}; the next run made both ${after.docx}`);
    }),
  },
  {
    group: 'process',
    name: 'two renders into one folder at the same time',
    slow: true,
    run: withProject(async (p, { rounds = 50 } = {}) => concurrentRenders(p, Math.max(2, Math.ceil(rounds / 5)))),
  },

  // Reading only what it should
  ...[
    ['the meeting is /dev/zero', (p) => clu(['validate', '/dev/zero'], { cwd: p.dir, timeout: 15_000 }), 2, /is a device/],
    ['the meeting is /dev/urandom, with --root /', (p) => clu(['render', '--root', '/', '/dev/urandom'], { cwd: p.dir, timeout: 15_000 }), 2, /is a device/],
    ['the meeting is a FIFO', (p) => (mkfifo(p.file('fifo.yaml')), clu(['validate', p.file('fifo.yaml')], { cwd: p.dir, timeout: 15_000 })), 2, /named pipe/],
    ['the composition is a FIFO', (p) => (mkfifo(p.file('fifo.yaml')), p.meeting((m) => m.replace('comp.yaml', 'fifo.yaml')), render(p, [], { timeout: 15_000 })), 1, /named pipe/],
    [
      'the composition is a link to /dev/zero, with --root /',
      (p) => (fs.symlinkSync('/dev/zero', p.file('zero.yaml')), p.meeting((m) => m.replace('comp.yaml', 'zero.yaml')), render(p, ['--root', '/'], { timeout: 15_000 })),
      1,
      /is a device/,
    ],
    ['the logo is a FIFO', (p) => (fs.rmSync(p.file('logo.png')), mkfifo(p.file('logo.png')), render(p, [], { timeout: 15_000 })), 1, /named pipe/],
    ['the logo is /dev/urandom, with --root /', (p) => (p.write('org.yaml', ORGANISATION.replace('logo.png', '/dev/urandom')), render(p, ['--root', '/'], { timeout: 15_000 })), 1, /is a device/],
    [
      'a font is /dev/zero, with --root /',
      (p) => (fs.symlinkSync('/dev/zero', p.file('zero.ttf')), render(p, ['--root', '/', '-t', template(p, { fonts: { regular: '../zero.ttf' } })], { timeout: 15_000 })),
      2,
      /is a device/,
    ],
    ['style.json is a FIFO', (p) => { const tpl = template(p); mkfifo(path.join(tpl, 'style.json')); return render(p, ['-t', tpl], { timeout: 15_000 }); }, 2, /named pipe/],
    ['the template is a FIFO', (p) => { const tpl = template(p); fs.rmSync(path.join(tpl, 'document.hbs')); mkfifo(path.join(tpl, 'document.hbs')); return render(p, ['-t', tpl], { timeout: 15_000 }); }, 2, /named pipe/],
    ['the sign-in sheet source is a FIFO', (p) => (mkfifo(p.file('fifo.yaml')), clu(['roster', '--sheet', '-o', p.out, p.file('fifo.yaml')], { cwd: p.dir, timeout: 15_000 })), 2, /named pipe/],
  ].map(([name, run, code, pattern]) => ({ group: 'read', name, run: withProject(async (p) => failsCleanly(p, await run(p), code, pattern)) })),
  ...[
    ['composition: /etc/passwd', '/etc/passwd', /not a YAML file/],
    ['composition: .env', '.env', /not a YAML file/],
    ['composition: a link inside the project to a file outside', 'secret-link.yaml', /outside the project/],
    ['composition: ../ out of the project', '../outside.yaml', /outside the project/],
  ].map(([name, include, pattern]) => ({
    group: 'read',
    name: `${name}: refused, never quoted`,
    run: withProject(async (p) => {
      const secret = 'SECRET_TOKEN_6f1d';
      p.write('.env', `${secret}=1\n`);
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'clu-faults-outside-'));
      fs.writeFileSync(path.join(outside, 'secret.yaml'), `${secret}: [\n`);
      fs.symlinkSync(path.join(outside, 'secret.yaml'), p.file('secret-link.yaml'));
      fs.writeFileSync(path.join(path.dirname(p.dir), 'outside.yaml'), `${secret}: [\n`);
      try {
        const r = await render(p, [], {});
        p.meeting((m) => m.replace('comp.yaml', include));
        const after = await render(p);
        const problems = clean(after, 1, pattern);
        if (after.stderr.includes(secret) || /root:.*:0:0:/.test(after.stderr)) problems.push('the diagnostic quotes the file');
        if (r.code !== 0) problems.push('the project itself does not render');
        return verdict(problems, firstLine(after.stderr));
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
        fs.rmSync(path.join(path.dirname(p.dir), 'outside.yaml'), { force: true });
      }
    }),
  })),
  {
    group: 'read',
    name: '__proto__ as a person id: refused by name',
    run: withProject(async (p) => {
      p.meeting((m) => m.replace('excuses: [david]', 'excuses: [david]\n  invites: [__proto__]') + 'personnes:\n  __proto__: { civilite: M., prenom: Jean, nom: Proto }\n');
      return failsCleanly(p, await render(p), 1, /“__proto__” cannot be used as a key/);
    }),
  },
  {
    group: 'read',
    name: 'constructor as a guest id: an ordinary id',
    run: withProject(async (p) => {
      p.meeting((m) => m.replace('excuses: [david]', 'excuses: [david]\n  invites: [constructor]') + 'personnes:\n  constructor: { civilite: M., prenom: Jean, nom: Ctor }\n');
      const r = await render(p, ['--format', 'md']);
      const problems = clean(r, 0);
      if (!/CTOR|Ctor/.test(read(path.join(p.out, 'm.md')) ?? '')) problems.push('the guest is missing from the minutes');
      return verdict(problems, 'the guest is in the minutes');
    }),
  },

  // No "internal error" for a user's mistake
  ...[
    ['the logo is missing', (p) => fs.rmSync(p.file('logo.png')), /no such file/],
    ['the logo is truncated', (p) => p.write('logo.png', png(40, 20).subarray(0, 50)), /truncated/],
    ['the logo is not PNG or JPEG', (p) => p.write('logo.png', 'GIF89a'), /neither PNG nor JPEG/],
    ['the logo is absurdly wide', (p) => p.write('logo.png', png(20000, 1)), /absurd size/],
  ].flatMap(([name, breakIt, pattern]) => [
    {
      group: 'mistake',
      name: `${name}: clu validate`,
      run: withProject(async (p) => (breakIt(p), failsCleanly(p, await clu(['validate', p.file('m.yaml')], { cwd: p.dir }), 1, pattern))),
    },
    {
      group: 'mistake',
      name: `${name}: clu render`,
      run: withProject(async (p) => (breakIt(p), failsCleanly(p, await render(p), 1, pattern))),
    },
  ]),
  ...[
    ['an <img> of the template is missing', () => {}, /no such file/],
    ['an <img> of the template is truncated', (p) => p.write('pic.png', png(30, 30).subarray(0, 60)), /truncated/],
  ].map(([name, breakIt, pattern]) => ({
    group: 'mistake',
    name,
    run: withProject(async (p) => {
      breakIt(p);
      const tpl = template(p);
      fs.appendFileSync(path.join(tpl, 'document.hbs'), '<img src="pic.png" width="40" alt="x"/>\n');
      return failsCleanly(p, await render(p, ['-t', tpl]), 2, pattern);
    }),
  })),
  ...[
    ['a font file that is text', (p) => p.write('f.ttf', 'this is not a font\n'), /not a TrueType/],
    ['a font file that is truncated', (p) => p.write('f.ttf', fs.readFileSync(INTER).subarray(0, 200_000)), /truncated/],
    ['a font file that is a folder', (p) => fs.mkdirSync(p.file('f.ttf')), /is a directory/],
    ['a font file of 200 MB', (p) => fs.truncateSync((fs.writeFileSync(p.file('f.ttf'), ''), p.file('f.ttf')), 200 * 1024 * 1024), /too large/],
  ].map(([name, breakIt, pattern]) => ({
    group: 'mistake',
    name,
    run: withProject(async (p) => (breakIt(p), failsCleanly(p, await render(p, ['-t', template(p, { fonts: { regular: '../f.ttf' } })]), 2, pattern))),
  })),
  ...[
    ['style.json: a negative margin', { page: { margins: { left: -10 } } }, /margins\.left/],
    ['style.json: margins that leave no text area', { page: { margins: { left: 250, right: 250 } } }, /text area/],
    ['style.json: "__proto__" as a style name', '{"styles": {"__proto__": {"size": 3}}}', /__proto__/],
    ['style.json: "constructor" and "toString" as style names', { styles: { constructor: { size: 3 }, toString: { size: 3 } } }, /unknown key/],
    ['style.json: an indent of 1e9', { styles: { body: { indent: 1e9 } } }, /indent/],
    ['style.json: an unknown key', { colour: 'red' }, /unknown key "colour"/],
  ].map(([name, style, pattern]) => ({
    group: 'mistake',
    name,
    run: withProject(async (p) => failsCleanly(p, await render(p, ['-t', template(p, style)]), 2, pattern)),
  })),
  {
    group: 'mistake',
    name: 'a 130,000-character paragraph renders (no stack overflow)',
    run: withProject(async (p) => {
      p.meeting((m) => m.replace('- "@alice présente le point."', `- "${'mot '.repeat(32_500)}fin."`));
      const r = await render(p);
      const problems = clean(r, 0);
      if (!(fs.statSync(path.join(p.out, 'm.pdf')).size > 10_000)) problems.push('no PDF');
      return verdict(problems, `rendered in ${r.ms} ms`);
    }),
  },
  {
    group: 'mistake',
    name: 'SOURCE_DATE_EPOCH out of range',
    run: withProject(async (p) => failsCleanly(p, await render(p, [], { env: { SOURCE_DATE_EPOCH: '99999999999999' } }), 2, /SOURCE_DATE_EPOCH/)),
  },
  {
    group: 'mistake',
    name: 'a template loop nested over 2,000 paragraphs stops at the limit',
    run: withProject(async (p) => {
      const items = Array.from({ length: 2000 }, (_, i) => `      - "Paragraphe ${i}."`).join('\n');
      p.meeting((m) => m.replace('      - "@alice présente le point."', items));
      const tpl = template(p);
      fs.writeFileSync(
        path.join(tpl, 'document.hbs'),
        '{{#each points}}{{#each contenu}}{{#each ../contenu}}{{#each ../../contenu}}<p>{{this}} paragraphe répété</p>{{/each}}{{/each}}{{/each}}{{/each}}\n',
      );
      return failsCleanly(p, await render(p, ['-t', tpl], { timeout: 120_000 }), 2, /the template (ran|produced) more than/);
    }),
  },
  // A colleague's project: nothing outside it is read, so nothing outside it is printed or embedded.
  ...[
    ['style.modele names an absolute folder (/etc)', (p) => p.meeting((m) => `${m}style:\n  modele: /etc\n`), /template folder “\/etc” is outside the project/],
    ['style.modele climbs out of the project (../../)', (p) => (outsideTemplate(p), p.meeting((m) => `${m}style:\n  modele: ../${path.basename(p.dir)}-outside/tpl\n`)), /is outside the project/],
    ['style.modele is a link to a template folder outside', (p) => (fs.symlinkSync(outsideTemplate(p), p.file('linked')), p.meeting((m) => `${m}style:\n  modele: linked\n`)), /is outside the project/],
    ['a partial of the template is a link to /etc/passwd', (p) => hostileTemplateFile(p, 'partials/head.hbs', '/etc/passwd'), /head\.hbs: outside the project/],
    ['document.hbs is a link to a secret outside', (p) => hostileTemplateFile(p, 'document.hbs', secretOutside(p)), /document\.hbs: outside the project/],
    ['style.json is a link to a secret outside', (p) => hostileTemplateFile(p, 'style.json', secretOutside(p)), /style\.json: outside the project/],
    ['template.json is a link to a secret outside', (p) => hostileTemplateFile(p, 'template.json', secretOutside(p)), /template\.json: outside the project/],
    ['the partials folder is a link to a folder outside', (p) => { const tpl = template(p); const out = p.outside('partials'); fs.cpSync(path.join(tpl, 'partials'), out, { recursive: true }); fs.rmSync(path.join(tpl, 'partials'), { recursive: true }); fs.symlinkSync(out, path.join(tpl, 'partials')); p.meeting((m) => `${m}style:\n  modele: tpl\n`); }, /partials: outside the project/],
    ['a font of style.json is outside the project', (p) => (template(p, { fonts: { regular: INTER } }), p.meeting((m) => `${m}style:\n  modele: tpl\n`)), /Inter_400Regular\.ttf: outside the project/],
    ['template.json is not JSON (a secret): named, not quoted', (p) => (template(p), fs.writeFileSync(path.join(p.file('tpl'), 'template.json'), `${SECRET} root:x:0:0:root\n`), p.meeting((m) => `${m}style:\n  modele: tpl\n`)), /template\.json: invalid JSON at line 1, column 1/],
  ].map(([name, setup, pattern]) => ({
    group: 'confine',
    name: `${name}: validate and render refuse it at style.modele, nothing read`,
    run: withProject(async (p) => {
      setup(p);
      const problems = [];
      for (const r of [await clu(['validate', p.file('m.yaml')], { cwd: p.dir }), await render(p)]) {
        problems.push(...clean(r, 1, pattern));
        if (!/\[template-(outside-project|unusable)\]/.test(r.stderr)) problems.push('not a diagnostic at the key');
        if (leaks(r)) problems.push('a secret was printed');
      }
      if (!p.intact()) problems.push('a previous output was changed');
      return verdict(problems, firstLine((await render(p)).stderr));
    }),
  })),
  ...[
    ['--template: a partial is a link to /etc/passwd', (p) => { const tpl = template(p); fs.rmSync(path.join(tpl, 'partials', 'head.hbs')); fs.symlinkSync('/etc/passwd', path.join(tpl, 'partials', 'head.hbs')); return render(p, ['-t', tpl]); }, /head\.hbs: outside the project/],
    ['--template: a partial that does not parse holds a secret: named, not quoted', (p) => { const tpl = template(p); fs.writeFileSync(path.join(tpl, 'partials', 'head.hbs'), `${SECRET} {{ root:x:0:0 \` }}\n`); return render(p, ['-t', tpl]); }, /head\.hbs:1:1: template syntax error: Expecting/],
    ['--template: style.json is not JSON (a secret): named, not quoted', (p) => { const tpl = template(p, `${SECRET}\n`); return render(p, ['-t', tpl]); }, /style\.json: invalid JSON at line 1, column 1/],
    ['a template <img> outside the project', (p) => { const tpl = template(p); const out = p.outside('img'); fs.writeFileSync(path.join(out, 'x.png'), png(10, 10)); fs.appendFileSync(path.join(tpl, 'document.hbs'), `<img src="${path.join(out, 'x.png')}" width="20" alt="x"/>\n`); p.meeting((m) => `${m}style:\n  modele: tpl\n`); return render(p); }, /x\.png: the image cannot be used: outside the project/],
    ['a truncated font named by style.modele (not --template)', (p) => { fs.writeFileSync(p.file('broken.ttf'), fs.readFileSync(INTER).subarray(0, 5000)); template(p, { fonts: { regular: '../broken.ttf' } }); p.meeting((m) => `${m}style:\n  modele: tpl\n`); return render(p); }, /broken\.ttf: the regular font cannot be used: the font file is truncated or damaged/],
  ].map(([name, run, pattern]) => ({
    group: 'confine',
    name,
    run: withProject(async (p) => {
      const r = await run(p);
      const problems = clean(r, 2, pattern);
      if (leaks(r)) problems.push('a secret was printed');
      if (!p.intact()) problems.push('a previous output was changed');
      return verdict(problems, firstLine(r.stderr));
    }),
  })),
  {
    group: 'kill',
    name: 'SIGINT and SIGTERM during a batch of 20 meetings: stopped within 200 ms of the current output, « interrompu », 130 / 143',
    run: withProject(async (p, { rounds = 50 } = {}) => batchInterrupts(p, Math.max(2, Math.ceil(rounds / 5)))),
  },
  {
    group: 'confine',
    name: 'a folder argument holding pw.yaml → /etc/passwd: skipped with a note, never quoted (text and JSON)',
    run: withProject(async (p) => {
      fs.symlinkSync('/etc/passwd', p.file('pw.yaml'));
      fs.symlinkSync(secretOutside(p), p.file('secret.yaml'));
      fs.symlinkSync(p.file('org.yaml'), p.file('inside-link.yaml'));
      const problems = [];
      for (const format of ['text', 'json']) {
        const r = await clu(['validate', '--format', format, p.dir], { cwd: p.dir });
        if (r.code !== 0) problems.push(`${format}: exit ${r.code}: ${firstLine(r.stderr)}`);
        if (leaks(r)) problems.push(`${format}: a secret was printed`);
        if (!/pw\.yaml: a link to a file outside the project .*skipped, not read/.test(r.stderr)) problems.push(`${format}: no note for pw.yaml`);
        if (/inside-link\.yaml: a link/.test(r.stderr)) problems.push(`${format}: a link inside the project was skipped`);
      }
      return verdict(problems, 'pw.yaml and secret.yaml skipped; inside-link.yaml kept');
    }),
  },
  {
    group: 'confine',
    name: 'without .git or .clu, run from / : the project is the meeting folder, not the disk',
    run: withProject(async (p) => {
      fs.rmSync(p.file('.git'), { recursive: true });
      const problems = [];
      const parent = path.dirname(p.dir);
      const shared = path.join(parent, `${path.basename(p.dir)}-comp.yaml`);
      fs.copyFileSync(p.file('comp.yaml'), shared);
      try {
        p.meeting((m) => m.replace('comp.yaml', `../${path.basename(shared)}`));
        const r = await clu(['validate', p.file('m.yaml')], { cwd: '/' });
        problems.push(...clean(r, 1, /\[include-outside-project\]/));
        // A .clu marker above says where the project is.
        fs.writeFileSync(path.join(parent, '.clu'), '');
        const marked = await clu(['validate', p.file('m.yaml')], { cwd: '/' });
        if (marked.code !== 0) problems.push(`with a .clu marker above: exit ${marked.code}: ${firstLine(marked.stderr)}`);
      } finally {
        fs.rmSync(shared, { force: true });
        fs.rmSync(path.join(parent, '.clu'), { force: true });
      }
      return verdict(problems, 'the include above the meeting refused, accepted once a .clu marker names the project');
    }),
  },
];

const SECRET = 'SECRET_TOKEN_6f1d';

/** Whether a run printed what it must never read: /etc/passwd's lines or the planted secret. */
function leaks(r) {
  return /root:.*:0:0:|SECRET_TOKEN/.test(`${r.stdout}${r.stderr}`);
}

/** A file holding the secret, outside the project (removed with the temporary folders of the run). */
function secretOutside(p) {
  const dir = p.outside('secret');
  const file = path.join(dir, 'secret.txt');
  fs.writeFileSync(file, `${SECRET} root:x:0:0:root:/root:/bin/bash\n`);
  return file;
}

/** A whole template folder beside the project (outside it): `<project>-tpl`. */
function outsideTemplate(p) {
  const dir = p.outside('tpl');
  fs.cpSync(path.join(ROOT, 'templates', 'compte-rendu'), dir, { recursive: true });
  return dir;
}

/** The project's own template tpl/, named by style.modele, with one of its files a link to `target`. */
function hostileTemplateFile(p, name, target) {
  const tpl = template(p);
  fs.rmSync(path.join(tpl, name), { force: true });
  fs.symlinkSync(target, path.join(tpl, name));
  p.meeting((m) => `${m}style:\n  modele: tpl\n`);
}

/**
 * A batch of 20 meetings, interrupted at random moments: the run must stop soon after the signal
 * (clu pauses for signals between two outputs and between two temporary files), say so in French,
 * exit 128 + the signal, and leave each output old or new with nothing behind: all-or-nothing holds.
 */
/** Node's own start, before clu's handlers are in place (a signal then ends the process at once). */
const STARTUP_MS = 400;

async function batchInterrupts(p, rounds) {
  const names = Array.from({ length: 20 }, (_, i) => `b${String(i + 1).padStart(2, '0')}`);
  for (const name of names) fs.copyFileSync(p.file('m.yaml'), p.file(`${name}.yaml`));
  const files = names.map((name) => p.file(`${name}.yaml`));
  const full = await spawnClu(['render', '-o', p.out, ...files], { cwd: p.dir });
  if (full.code !== 0) return { held: false, detail: `the batch does not render: ${firstLine(full.stderr)}` };
  const problems = [];
  const latencies = [];
  let finishedFirst = 0;
  for (let i = 0; i < rounds; i++) {
    for (const name of names) for (const ext of ['docx', 'pdf']) fs.writeFileSync(path.join(p.out, `${name}.${ext}`), 'previous\n');
    const signal = i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
    const run = startClu(['render', '-o', p.out, ...files], { cwd: p.dir, env: { LANG: 'fr_FR.UTF-8' } });
    // After start-up (when the handlers are in place), most often while rendering, sometimes while writing.
    let ended = false;
    run.done.then(() => (ended = true));
    await new Promise((resolve) => setTimeout(resolve, Math.max(STARTUP_MS, full.ms * (0.25 + Math.random() * 0.6))));
    if (ended) {
      finishedFirst++;
      continue;
    }
    const sent = Date.now();
    run.child.kill(signal);
    const end = await run.done;
    const latency = Date.now() - sent;
    latencies.push(latency);
    const expected = signal === 'SIGINT' ? 130 : 143;
    if (end.code !== expected) problems.push(`round ${i}: ${signal} gave exit ${end.code ?? end.signal}, expected ${expected}`);
    if (!/interrompu/.test(end.stderr)) problems.push(`round ${i}: no « interrompu » (${JSON.stringify(end.stderr.slice(0, 120))})`);
    if (/internal error|    at /.test(end.stderr)) problems.push(`round ${i}: internal error`);
    const states = names.flatMap((name) => ['docx', 'pdf'].map((ext) => read(path.join(p.out, `${name}.${ext}`)) === 'previous\n'));
    if (states.some((old) => old) && states.some((old) => !old)) problems.push(`round ${i}: some outputs replaced, others not`);
    if (leftovers(p.out).length > 0) problems.push(`round ${i}: left ${leftovers(p.out).join(', ')}`);
    // 200 ms after the output being rendered is done; on a loaded machine an output takes up to ~300 ms more.
    if (latency > 500) problems.push(`round ${i}: stopped ${latency} ms after the signal`);
  }
  if (latencies.length === 0) problems.push('every batch finished before its signal');
  return verdict(problems, `${latencies.length} batches interrupted (${finishedFirst} finished first; a full one: ${full.ms} ms), stopped ${Math.min(...latencies)}–${Math.max(...latencies)} ms after the signal`);
}

// ── Kills and concurrent runs ──────────────────────────────────────────────────────────────────────

/**
 * Two versions of the meeting, A and B, and the bytes of their outputs (rendered once per process: the
 * output does not depend on the folder, clu's output is reproducible) and how long a render takes.
 */
async function versions(p) {
  const texts = { A: 'Version A du point.', B: 'Version B du point, plus longue.' };
  const use = (name) => p.meeting((m) => m.replace('"@alice présente le point."', `"${texts[name]}"`));
  if (!referenceRenders) {
    const bytes = {};
    let ms = 0;
    for (const name of Object.keys(texts)) {
      use(name);
      const dir = p.file(`ref-${name}`);
      const r = await spawnClu(['render', '-o', dir, p.file('m.yaml')], { cwd: p.dir });
      if (r.code !== 0) throw new Error(`reference render ${name} failed: ${r.stderr}`);
      bytes[name] = { docx: sha(path.join(dir, 'm.docx')), pdf: sha(path.join(dir, 'm.pdf')) };
      ms = Math.max(ms, r.ms);
    }
    referenceRenders = { bytes, ms };
  }
  return { texts, use, ...referenceRenders };
}

let referenceRenders;

/** Which version each output is; undefined for bytes that are neither (a corrupt file). */
function state(p, v) {
  const which = (ext) => {
    const hash = sha(path.join(p.out, `m.${ext}`));
    return hash === v.bytes.A[ext] ? 'A' : hash === v.bytes.B[ext] ? 'B' : hash === 'missing' ? 'missing' : undefined;
  };
  return { docx: which('docx'), pdf: which('pdf') };
}

async function killLoop(p, rounds, kind) {
  const v = await versions(p);
  v.use('A');
  // How long a run takes now (the machine's load changes): the kills are spread over that time.
  const timing = (await spawnClu(['render', '-o', p.out, p.file('m.yaml')], { cwd: p.dir })).ms;
  const problems = [];
  let killedMidway = 0;
  let journals = 0;
  let locks = 0;
  const { recoverLeftovers } = await import(pathToUrl(path.join(ROOT, 'dist', 'output', 'commit.js')));
  for (let i = 0; i < rounds; i++) {
    const next = i % 2 === 0 ? 'B' : 'A';
    v.use(next);
    const run = startClu(['render', '-o', p.out, p.file('m.yaml')], { cwd: p.dir });
    const signal = kind === 'SIGKILL' ? 'SIGKILL' : i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
    // Random moments over the whole run, most of them near its end, where the files are written.
    const at = Math.random() < 0.5 ? Math.random() * timing * 1.1 : timing * (0.6 + Math.random() * 0.5);
    await new Promise((resolve) => setTimeout(resolve, at));
    run.child.kill(signal);
    const end = await run.done;
    if (end.signal || end.code === 130 || end.code === 143) killedMidway++;
    if (/internal error/.test(end.stderr)) problems.push(`round ${i}: internal error`);
    // Before its handlers are installed (while Node starts) a signal ends clu at once: nothing was written yet.
    if (kind !== 'SIGKILL' && end.code !== null && ![0, 130, 143].includes(end.code)) problems.push(`round ${i}: exit ${end.code ?? end.signal}`);
    const s = state(p, v);
    if (s.docx === undefined || s.pdf === undefined) problems.push(`round ${i}: a corrupt output (${JSON.stringify(s)})`);
    const journal = leftovers(p.out).some((n) => n.endsWith('.commit'));
    if (journal) journals++;
    if (!journal && s.docx !== s.pdf) problems.push(`round ${i}: DOCX ${s.docx} beside PDF ${s.pdf}`);
    if (kind !== 'SIGKILL' && leftovers(p.out).length > 0) problems.push(`round ${i}: left behind ${leftovers(p.out).join(', ')}`);
    // What the next run into the folder does first: take over the dead run's lock, then finish or
    // remove what it left.
    if (takeOverDeadLock(p.out)) locks++;
    recoverLeftovers(p.out);
    const after = state(p, v);
    if (after.docx !== after.pdf) problems.push(`round ${i}: after recovery, DOCX ${after.docx} beside PDF ${after.pdf}`);
    if (leftovers(p.out).length > 0) problems.push(`round ${i}: after recovery, left ${leftovers(p.out).join(', ')}`);
    if (problems.length > 0) break;
  }
  return verdict(problems, `${rounds} runs, ${killedMidway} stopped midway, ${journals} journals finished, ${locks} locks taken over`);
}

async function concurrentRenders(p, rounds) {
  const v = await versions(p);
  fs.mkdirSync(p.file('b'));
  for (const f of ['comp.yaml', 'org.yaml', 'logo.png']) fs.copyFileSync(p.file(f), p.file(`b/${f}`));
  const problems = [];
  for (let i = 0; i < rounds; i++) {
    v.use('A');
    fs.copyFileSync(p.file('m.yaml'), p.file('b/m.yaml'));
    v.use('B');
    const runs = [startClu(['render', '-o', p.out, p.file('m.yaml')], { cwd: p.dir }), startClu(['render', '-o', p.out, p.file('b/m.yaml')], { cwd: p.dir })];
    const ends = await Promise.all(runs.map((r) => r.done));
    ends.forEach((end, j) => end.code !== 0 && problems.push(`round ${i}, run ${j}: exit ${end.code}: ${firstLine(end.stderr)}`));
    const s = state(p, v);
    if (s.docx === undefined || s.docx !== s.pdf) problems.push(`round ${i}: DOCX ${s.docx} beside PDF ${s.pdf}`);
    if (leftovers(p.out).length > 0) problems.push(`round ${i}: left ${leftovers(p.out).join(', ')}`);
  }
  return verdict(problems, `${rounds} rounds of two runs, each pair whole`);
}

/** Removes the folder's lock when the run that holds it is dead, as the next run does; true if it did. */
function takeOverDeadLock(dir) {
  const lock = path.join(dir, '.clu.lock');
  const owner = Number(read(lock));
  if (!Number.isInteger(owner) || owner <= 0) return false;
  try {
    process.kill(owner, 0);
    return false;
  } catch {
    fs.rmSync(lock, { force: true });
    return true;
  }
}

function deadPid() {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}
