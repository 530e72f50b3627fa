// What bin/clu needs before the command line loads, built by scripts/bundle.mjs to dist/bundle/launcher.cjs:
// CommonJS, as bin/clu is (bin/package.json), because Node starts a CommonJS file faster than an ES module.
export { BundleLoader, CACHE_SUFFIX } from './bundle-loader.js';
export { tuneV8 } from './v8-tuning.js';
export { mayWritePdf, relaunchForAddressSpace } from './address-space.js';
export { watchStandardStreams } from './stream-errors.js';
