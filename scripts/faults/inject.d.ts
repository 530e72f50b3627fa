// Types of inject.js, for test/faults.test.ts.
export function injectFault(kind: string): () => void;
