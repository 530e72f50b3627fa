// clu in a constrained environment (issue 17, item 8), through the built command (bin/clu, dist/ from
// `npm run build`): under an address-space limit (ulimit -v, 1 GB) render and validate work and the PDF is
// byte-identical; without WebAssembly (node --jitless) the PDF writer shapes with fontkit, with the same
// text and line breaks; a standard output that cannot be written is one line and exit code 2, a closed
// pipe is silent (src/cli/address-space.ts, src/writers/pdf/harfbuzz.ts, src/cli/stream-errors.ts).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressSpaceLimit, mayWritePdf, relaunchForAddressSpace } from '../src/cli/address-space.js';
import { standardStreamMessage, watchStandardStreams } from '../src/cli/stream-errors.js';
import { readPdf, type PdfContent } from './support/pdf.js';

const root = path.resolve(import.meta.dirname, '..');
const reference = 'examples/clu-vienne-2021-05-06.yaml';
const pdfName = 'clu-vienne-2021-05-06.pdf';
/** Fixed dates: two renders of the reference make the same bytes. */
const baseEnv = { ...process.env, SOURCE_DATE_EPOCH: '1600000000', LANG: 'en_US.UTF-8', NO_COLOR: '1', NODE_OPTIONS: '' };
const linux = process.platform === 'linux';

const dirs: string[] = [];
const tempDir = (name: string): string => {
  const dir = mkdtempSync(path.join(tmpdir(), `clu-env-${name}-`));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** bin/clu through bash, so that `ulimit -v` applies to Node from its start. */
function clu(args: string[], options: { limitKiB?: number; env?: Record<string, string>; stdout?: number | 'pipe' } = {}): SpawnSyncReturns<string> {
  const quoted = args.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const limit = options.limitKiB ? `ulimit -v ${options.limitKiB}; ` : '';
  return spawnSync('bash', ['-c', `${limit}exec "${process.execPath}" bin/clu ${quoted}`], {
    cwd: root,
    env: { ...baseEnv, ...options.env },
    encoding: 'utf8',
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
    timeout: 120_000,
  });
}

function render(limitKiB?: number, env?: Record<string, string>): { result: SpawnSyncReturns<string>; pdf: Buffer | undefined } {
  const out = tempDir('render');
  const result = clu(['render', reference, '-o', out], { ...(limitKiB ? { limitKiB } : {}), ...(env ? { env } : {}) });
  let pdf: Buffer | undefined;
  try {
    pdf = readFileSync(path.join(out, pdfName));
  } catch {
    pdf = undefined;
  }
  return { result, pdf };
}

/** Each line of text as drawn: page, baseline (to 0.1 pt) and its characters. */
function lines(content: PdfContent): string[] {
  return content.pages.flatMap((page, n) => {
    const byBaseline = new Map<number, string>();
    for (const item of page.items) {
      const y = Math.round(item.y * 10);
      byBaseline.set(y, (byBaseline.get(y) ?? '') + item.str);
    }
    return [...byBaseline].map(([y, text]) => `${n + 1} ${y / 10} ${text}`);
  });
}

const ONE_GB = 1024 * 1024;

describe('the reference under an address-space limit (ulimit -v)', () => {
  let normal: Buffer;
  beforeAll(() => {
    const { result, pdf } = render();
    expect(result.status, result.stderr).toBe(0);
    normal = pdf!;
  });

  it.runIf(linux)('renders under 1 GB with a PDF byte-identical to the unconstrained one', () => {
    const { result, pdf } = render(ONE_GB);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(pdf!.equals(normal)).toBe(true);
  });

  it.runIf(linux)('renders under 8 GB (less than the trap handler reserves) with the same PDF', () => {
    const { result, pdf } = render(8 * ONE_GB);
    expect(result.status, result.stderr).toBe(0);
    expect(pdf!.equals(normal)).toBe(true);
  });

  it.runIf(linux)('validates under 1 GB', () => {
    const result = clu(['validate', reference], { limitKiB: ONE_GB });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('1 file valid');
  });

  it('relaunches Node only for a command that may write a PDF, under a finite limit, once', () => {
    expect(mayWritePdf(['render', reference])).toBe(true);
    expect(mayWritePdf(['roster', '--sheet', reference])).toBe(true);
    expect(mayWritePdf(['roster', reference])).toBe(false);
    expect(mayWritePdf(['validate', reference])).toBe(false);
    const limited = 'Max stack size            8388608              unlimited            bytes     \nMax address space         1073741824           1073741824           bytes     \n';
    const unlimited = 'Max address space         unlimited            unlimited            bytes     \n';
    expect(addressSpaceLimit(limited)).toBe(1073741824);
    expect(addressSpaceLimit(unlimited)).toBeUndefined();
    expect(addressSpaceLimit('')).toBeUndefined();
    const proc = { platform: 'linux', execArgv: ['--enable-source-maps'], env: { LANG: 'fr_FR.UTF-8' }, allowedNodeEnvironmentFlags: new Set(['--disable-wasm-trap-handler']) };
    expect(relaunchForAddressSpace(proc, () => unlimited)).toBeUndefined();
    const relaunch = relaunchForAddressSpace(proc, () => limited);
    expect(relaunch).toEqual({ execArgv: ['--enable-source-maps', '--disable-wasm-trap-handler'], env: { LANG: 'fr_FR.UTF-8', MALLOC_ARENA_MAX: '2' } });
    // The relaunched process does not relaunch again; a Node without the flag runs as it is.
    expect(relaunchForAddressSpace({ ...proc, ...relaunch! }, () => limited)).toBeUndefined();
    expect(relaunchForAddressSpace({ ...proc, allowedNodeEnvironmentFlags: new Set() }, () => limited)).toBeUndefined();
    expect(relaunchForAddressSpace({ ...proc, platform: 'darwin' }, () => limited)).toBeUndefined();
    expect(relaunchForAddressSpace(proc, () => { throw new Error('no /proc'); })).toBeUndefined();
  });
});

describe('without WebAssembly (node --jitless)', () => {
  it('renders with fontkit shaping: the same text on the same lines as with HarfBuzz', { timeout: 180_000 }, async () => {
    const normal = render();
    const jitless = render(undefined, { NODE_OPTIONS: '--jitless' });
    expect(jitless.result.status, jitless.result.stderr).toBe(0);
    // V8's own warning is all that is printed (no error of clu's).
    expect(jitless.result.stderr.replace(/^Warning: disabling flag --expose_wasm due to conflicting flags\n/m, '')).toBe('');
    const [a, b] = await Promise.all([readPdf(normal.pdf!), readPdf(jitless.pdf!)]);
    expect(b.pageCount).toBe(a.pageCount);
    expect(b.text).toBe(a.text);
    expect(lines(b)).toEqual(lines(a));
  });
});

describe('a standard output that cannot be written', () => {
  /** A command with standard output on /dev/full (ENOSPC on every write). */
  function toFull(args: string[], env?: Record<string, string>): SpawnSyncReturns<string> {
    const full = openSync('/dev/full', 'w');
    try {
      return clu(args, { stdout: full, ...(env ? { env } : {}) });
    } finally {
      closeSync(full);
    }
  }

  const commands: [string, string[]][] = [
    ['validate --format json', ['validate', '--format', 'json', reference]],
    ['schema seance', ['schema', 'seance']],
    ['roster', ['roster', reference]],
    ['--version', ['--version']],
  ];
  for (const [name, args] of commands) {
    it.runIf(linux)(`clu ${name} > /dev/full: one line on stderr, exit code 2`, () => {
      const result = toFull(args);
      expect(result.stderr).toBe('clu: cannot write to standard output: no space left on the disk\n');
      expect(result.status).toBe(2);
    });
  }

  it.runIf(linux)('clu render > /dev/full: the files are written, one line, exit code 2', () => {
    const out = tempDir('full');
    const result = toFull(['render', reference, '-o', out]);
    expect(result.stderr).toBe('clu: cannot write to standard output: no space left on the disk\n');
    expect(result.status).toBe(2);
    expect(readFileSync(path.join(out, pdfName)).subarray(0, 5).toString()).toBe('%PDF-');
    readFileSync(path.join(out, 'clu-vienne-2021-05-06.docx'));
  });

  it.runIf(linux)('in French when LANG is French', () => {
    const result = toFull(['schema', 'seance'], { LANG: 'fr_FR.UTF-8' });
    expect(result.stderr).toBe('clu : impossible d’écrire sur la sortie standard : plus de place sur le disque\n');
    expect(result.status).toBe(2);
  });

  it.runIf(linux)('clu validate in text (its report on stderr) writes nothing to standard output: no error', () => {
    const result = toFull(['validate', reference]);
    expect(result.status, result.stderr).toBe(0);
  });

  it('a pipe closed early (| head) is silent, with the exit code of the command', () => {
    const schema = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" bin/clu schema seance | head -1`], { cwd: root, env: baseEnv, encoding: 'utf8' });
    expect(schema.stdout).toBe('{\n');
    expect(schema.stderr).toBe('');
    expect(schema.status).toBe(0);
    const json = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" bin/clu validate --format json ${reference} | head -c 10`], { cwd: root, env: baseEnv, encoding: 'utf8' });
    expect(json.stdout).toHaveLength(10);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(0);
  });

  it('watchStandardStreams: EPIPE keeps the code, another error is said once and makes it 2', () => {
    const listeners: Record<string, (error: Error) => void> = {};
    let err = '';
    let set: number | undefined;
    const finish = watchStandardStreams(
      { stdout: { on: (_, l) => (listeners.stdout = l), write: () => true }, stderr: { on: (_, l) => (listeners.stderr = l), write: (s) => (err += s) } },
      { LANG: 'en' },
      (code) => (set = code),
    );
    listeners.stdout!(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(finish(1)).toBe(1);
    expect(err).toBe('');
    listeners.stdout!(Object.assign(new Error('write EIO'), { code: 'EIO' }));
    listeners.stdout!(Object.assign(new Error('write EIO'), { code: 'EIO' }));
    expect(err).toBe('clu: cannot write to standard output: input/output error (the disk may be failing)\n');
    expect(set).toBe(2);
    expect(finish(0)).toBe(2);
    expect(standardStreamMessage(Object.assign(new Error(''), { code: 'EDQUOT' }), 'stdout', { LC_ALL: 'fr_FR' })).toBe('clu : impossible d’écrire sur la sortie standard : quota disque dépassé\n');
  });
});
