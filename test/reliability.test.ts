// The pieces behind docs/reliability.md, one by one (the scenarios of test/faults.test.ts run them
// together through the CLI): the all-or-nothing commit, reading regular files under caps, the image
// checks, the project root, the warning for characters the PDF cannot draw.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitOutputs } from '../src/output/commit.js';
import { FileRefused, readRegularFile, SIZE_LIMITS } from '../src/load/read-file.js';
import { ImageProblem, inspectImage } from '../src/load/image-check.js';
import { projectRoot, staysInside } from '../src/load/project-root.js';
import { pngBytes } from './support/kitchen-sink.js';
import { runCli } from './support/cli.js';
import { readPdf } from './support/pdf.js';

const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `clu-reliability-${name}-`));

describe('commitOutputs', () => {
  it('writes every file, keeps the mode of a file it replaces, leaves nothing else', async () => {
    const dir = tmp('commit');
    writeFileSync(path.join(dir, 'a.pdf'), 'old');
    chmodSync(path.join(dir, 'a.pdf'), 0o640);
    await commitOutputs([
      { target: path.join(dir, 'a.pdf'), bytes: Buffer.from('new a') },
      { target: path.join(dir, 'sub', 'b.docx'), bytes: Buffer.from('new b') },
    ]);
    expect(readFileSync(path.join(dir, 'a.pdf'), 'utf8')).toBe('new a');
    expect(readFileSync(path.join(dir, 'sub', 'b.docx'), 'utf8')).toBe('new b');
    expect(statSync(path.join(dir, 'a.pdf')).mode & 0o777).toBe(0o640);
    expect(statSync(path.join(dir, 'sub', 'b.docx')).mode & 0o777).toBe(0o666 & ~process.umask());
    expect(readdirSync(dir).sort()).toEqual(['a.pdf', 'sub']);
  });

  it('writes nothing when one target cannot be written, and removes the folders it made', async () => {
    const dir = tmp('commit-fail');
    writeFileSync(path.join(dir, 'a.pdf'), 'old');
    writeFileSync(path.join(dir, 'file'), 'a file');
    await expect(
      commitOutputs([
        { target: path.join(dir, 'a.pdf'), bytes: Buffer.from('new') },
        { target: path.join(dir, 'new-folder', 'b.pdf'), bytes: Buffer.from('new') },
        { target: path.join(dir, 'file', 'c.pdf'), bytes: Buffer.from('new') },
      ]),
    ).rejects.toThrow(/cannot write into .*file: a part of the path is a file/);
    expect(readFileSync(path.join(dir, 'a.pdf'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['a.pdf', 'file']);
  });
});

describe('readRegularFile', () => {
  it('refuses a file over the cap of its kind without reading it whole', () => {
    const dir = tmp('read');
    const file = path.join(dir, 'style.json');
    writeFileSync(file, Buffer.alloc(SIZE_LIMITS.style + 1, 0x20));
    expect(() => readRegularFile(file, 'style')).toThrow(FileRefused);
    expect(() => readRegularFile(file, 'style')).toThrow(/too large for a style file/);
    expect(readRegularFile(file, 'yaml').length).toBe(SIZE_LIMITS.style + 1);
  });

  it('refuses a directory and a device at once', () => {
    expect(() => readRegularFile(tmpdir(), 'yaml')).toThrow(/is a directory/);
    expect(() => readRegularFile('/dev/zero', 'font')).toThrow(/is a device/);
  });
});

describe('inspectImage', () => {
  it('accepts a whole PNG and gives its size', () => {
    expect(inspectImage(pngBytes(80, 40))).toEqual({ type: 'png', width: 80, height: 40 });
  });

  it('refuses a PNG cut anywhere, a JPEG without its end, and other bytes', () => {
    const png = pngBytes(80, 40);
    for (const cut of [10, 30, png.length - 20, png.length - 5]) expect(() => inspectImage(png.subarray(0, cut))).toThrow(ImageProblem);
    const jpegHead = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 0xff, 0xda, 0, 2]);
    expect(() => inspectImage(jpegHead)).toThrow(/truncated/);
    expect(inspectImage(Buffer.concat([jpegHead, Buffer.from([1, 2, 3, 0xff, 0xd9])]))).toEqual({ type: 'jpeg', width: 32, height: 16 });
    expect(() => inspectImage(Buffer.from('GIF89a'))).toThrow(/neither PNG nor JPEG/);
  });
});

describe('projectRoot', () => {
  it('is --root, else the nearest folder with .git or a .clu marker, else the meeting\'s folder — never the working directory', () => {
    const dir = tmp('root');
    mkdirSync(path.join(dir, 'repo', '.git'), { recursive: true });
    mkdirSync(path.join(dir, 'repo', 'a', 'b'), { recursive: true });
    mkdirSync(path.join(dir, 'plain', 'c'), { recursive: true });
    mkdirSync(path.join(dir, 'marked', 'd'), { recursive: true });
    writeFileSync(path.join(dir, 'marked', '.clu'), '');
    expect(projectRoot(path.join(dir, 'repo', 'a', 'b', 'm.yaml'))).toBe(path.join(dir, 'repo'));
    expect(projectRoot(path.join(dir, 'marked', 'd', 'm.yaml'))).toBe(path.join(dir, 'marked'));
    // Run from a folder above (as from / or $HOME), the meeting's project is still only its own folder.
    expect(projectRoot(path.join(dir, 'plain', 'c', 'm.yaml'), { cwd: path.join(dir, 'plain') })).toBe(path.join(dir, 'plain', 'c'));
    expect(projectRoot(path.join(dir, 'plain', 'c', 'm.yaml'), { cwd: '/' })).toBe(path.join(dir, 'plain', 'c'));
    expect(projectRoot(path.join(dir, 'plain', 'c', 'm.yaml'), { cwd: path.join(dir, 'repo') })).toBe(path.join(dir, 'plain', 'c'));
    expect(projectRoot(path.join(dir, 'plain', 'c', 'm.yaml'), { root: dir })).toBe(dir);
    expect(staysInside(path.join(dir, 'repo', 'a', '..', 'x.yaml'), path.join(dir, 'repo'))).toBe(true);
    expect(staysInside(path.join(dir, 'repo', '..', 'x.yaml'), path.join(dir, 'repo'))).toBe(false);
  });
});

describe('characters the PDF fonts cannot draw', () => {
  it('are a warning at their line:col; Arabic and Hebrew are drawn with a fallback font, embedded only then', async () => {
    const dir = tmp('unprintable');
    const fixtures = path.join(import.meta.dirname, 'fixtures');
    writeFileSync(path.join(dir, '_composition.yaml'), readFileSync(path.join(fixtures, 'invalid', '_composition.yaml')));
    writeFileSync(path.join(dir, 'm.yaml'), readFileSync(path.join(fixtures, 'invalid', 'unprintable-characters.yaml')));
    const r = await runCli(['render', '--format', 'pdf,docx', path.join(dir, 'm.yaml')], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/m\.yaml:16:59 warning the PDF font cannot draw “中” \(U\+4E2D\), “文” \(U\+6587\), “🙂” \(U\+1F642\): /);
    // Greek, Cyrillic and Vietnamese are in the default font, Arabic and Hebrew in a fallback: not named.
    expect(r.stderr.split('\n')[0]).not.toMatch(/Ω|Ж|ễ|م|ש/);
    expect(readdirSync(dir).sort()).toEqual(['_composition.yaml', 'm.docx', 'm.pdf', 'm.yaml']);
    const pdf = readFileSync(path.join(dir, 'm.pdf')).toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic-Regular/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHebrew-Regular/);
    // Markdown only: no PDF, nothing to warn about.
    const md = await runCli(['render', '--format', 'md', path.join(dir, 'm.yaml')], { cwd: dir });
    expect(md.stderr).toBe('');
  });

  it('the fallback fonts are not embedded in a document that does not use them', async () => {
    const dir = tmp('no-fallback');
    const fixtures = path.join(import.meta.dirname, 'fixtures');
    writeFileSync(path.join(dir, '_composition.yaml'), readFileSync(path.join(fixtures, 'invalid', '_composition.yaml')));
    writeFileSync(path.join(dir, 'm.yaml'), readFileSync(path.join(fixtures, 'valid-base.yaml'), 'utf8').replace('invalid/_composition.yaml', '_composition.yaml'));
    const r = await runCli(['render', '--format', 'pdf', path.join(dir, 'm.yaml')], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'm.pdf')).toString('latin1')).not.toMatch(/Noto/);
  });

  it('a letter fontkit could not shape with the fallback font (found by the fuzzer) is drawn by it, shaped by HarfBuzz', async () => {
    const dir = tmp('unshapeable');
    const fixtures = path.join(import.meta.dirname, 'fixtures');
    writeFileSync(path.join(dir, '_composition.yaml'), readFileSync(path.join(fixtures, 'invalid', '_composition.yaml')));
    const meeting = readFileSync(path.join(fixtures, 'valid-base.yaml'), 'utf8').replace('invalid/_composition.yaml', '_composition.yaml').replace('Point unique', 'Point ڢunique');
    writeFileSync(path.join(dir, 'm.yaml'), meeting);
    const r = await runCli(['render', '--format', 'pdf', path.join(dir, 'm.yaml')], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/cannot draw/);
    const pdf = readFileSync(path.join(dir, 'm.pdf'));
    expect(pdf.toString('latin1')).toMatch(/NotoSansArabic/);
    expect((await readPdf(pdf)).pages[0]!.items.map((item) => item.str).join(' ')).toContain('ڢ');
  });

  it('right-to-left words are placed from right to left, each kept in logical order in the content', async () => {
    const dir = tmp('rtl');
    const fixtures = path.join(import.meta.dirname, 'fixtures');
    writeFileSync(path.join(dir, '_composition.yaml'), readFileSync(path.join(fixtures, 'invalid', '_composition.yaml')));
    const meeting = readFileSync(path.join(fixtures, 'valid-base.yaml'), 'utf8')
      .replace('invalid/_composition.yaml', '_composition.yaml')
      .replace('"@alice présente le point."', '"Mme שרה לוי intervient."');
    writeFileSync(path.join(dir, 'm.yaml'), meeting);
    expect((await runCli(['render', '--format', 'pdf', path.join(dir, 'm.yaml')], { cwd: dir })).code).toBe(0);
    const words = (await readPdf(readFileSync(path.join(dir, 'm.pdf')))).pages[0]!.items.filter((item) => /[\u05d0-\u05ea]/.test(item.str));
    // "שרה" (first in the text) stands to the right of "לוי".
    const x = (letters: string) => words.find((w) => [...letters].every((c) => w.str.includes(c)))!.x;
    expect(x('שרה')).toBeGreaterThan(x('לוי'));
  });
});
