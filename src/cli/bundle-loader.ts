// Runs the bundled command line (dist/bundle/*.cjs, written by scripts/bundle.mjs) with the V8 code cache
// that the build made beside each file (scripts/code-cache.mjs): Node then neither parses nor compiles
// the functions the cache holds, which is a third of `clu validate`'s time. A file without a usable cache
// (missing, made by another Node, or not matching the file's text) is compiled as usual: the cache only
// ever saves time. Each file is loaded when first required, so a command still loads only its own files.
import { readFileSync } from 'node:fs';
import { channel } from 'node:diagnostics_channel';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';

/**
 * The cache of `name.cjs` is `name.cjs.v8cache`: the CRC-32 of the file's text and the CRC-32 of V8's
 * data (4 bytes each), then V8's data.
 */
export const CACHE_SUFFIX = '.v8cache';

/** Published with the path of each bundle file loaded: what a start-up test listens to (test/support/trace-imports.mjs). */
export const LOAD_CHANNEL = 'clu:bundle-load';

interface BundleFile {
  module: { exports: Record<string, unknown> };
  script: vm.Script;
  /** Whether V8 took the cache: false when there was none or it did not fit. */
  cached: boolean;
  /** Whether its code has started running (a file compiled by the build without running it has not). */
  run: boolean;
}

/** A file's text between these two lines is the body of a CommonJS module function. */
const WRAP_START = '(function (exports, require, module, __filename, __dirname, __cluImport) { ';
const WRAP_END = '\n})';

/**
 * `import()` for the bundle's files (scripts/bundle.mjs writes their `import("pkg")` as `__cluImport("pkg")`):
 * code run by vm.Script cannot import, this module can. It resolves from dist/bundle/, as they would.
 */
const importPackage = (specifier: string): Promise<unknown> => import(specifier);

export class BundleLoader {
  readonly files = new Map<string, BundleFile>();
  private readonly loaded = channel(LOAD_CHANNEL);

  /** `useCache: false` compiles every file from its text (the build, before it makes the caches). */
  constructor(
    readonly dir: string,
    private readonly options: { useCache: boolean } = { useCache: true },
  ) {}

  /** The exports of a bundle file (a name such as "main.cjs"), loading it and what it requires first. */
  load(name: string): Record<string, unknown> {
    const file = path.join(this.dir, name);
    const known = this.files.get(file);
    // A file required again, or while it is still running (a cycle), gives what it has exported so far.
    if (known?.run) return known.module.exports;
    const loaded = known ?? this.compile(name);
    loaded.run = true;
    if (this.loaded.hasSubscribers) this.loaded.publish({ file });
    const outside = createRequire(file);
    // Another bundle file is loaded here; Node's builtins (and any package left outside) by Node.
    const require = (specifier: string) => (specifier.startsWith('./') ? this.load(specifier.slice(2)) : outside(specifier));
    const { module } = loaded;
    (loaded.script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, this.dir, importPackage);
    return module.exports;
  }

  /** Compiles a bundle file without running it. */
  compile(name: string): BundleFile {
    const file = path.join(this.dir, name);
    const text = readFileSync(file, 'utf8');
    const cachedData = this.options.useCache ? readCache(file, text) : undefined;
    const script = new vm.Script(WRAP_START + text + WRAP_END, { filename: file, ...(cachedData ? { cachedData } : {}) });
    const compiled: BundleFile = { module: { exports: {} }, script, cached: cachedData !== undefined && !script.cachedDataRejected, run: false };
    this.files.set(file, compiled);
    return compiled;
  }

  /** V8's cache of every file loaded so far, with the functions compiled until now (for the build). */
  cacheOf(file: string): Buffer {
    const loaded = this.files.get(file);
    if (!loaded) throw new Error(`${file} was not loaded`);
    return cacheBytes(readFileSync(file, 'utf8'), loaded.script.createCachedData());
  }
}

/** The cache file's bytes for a file's text and V8's data. */
export function cacheBytes(text: string, data: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(crc32(text) >>> 0, 0);
  header.writeUInt32LE(crc32(data) >>> 0, 4);
  return Buffer.concat([header, data]);
}

const HEADER_BYTES = 8;

/** V8's data for a file, when its cache exists and was made for this very text. */
function readCache(file: string, text: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file + CACHE_SUFFIX);
  } catch {
    return undefined;
  }
  // V8 checks its version and flags, but of the source only its length (a file edited by hand keeps its
  // length), and of its own data nothing in a release build (damaged data crashes the process).
  if (bytes.length < HEADER_BYTES || bytes.readUInt32LE(0) !== crc32(text) >>> 0) return undefined;
  const data = bytes.subarray(HEADER_BYTES);
  return bytes.readUInt32LE(4) === crc32(data) >>> 0 ? data : undefined;
}
