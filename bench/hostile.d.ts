// Types of bench/hostile.js, for test/bounded-validation.test.ts.
export declare const HOSTILE_SHAPES: readonly string[];
export declare function hostileMeeting(examplesDir: string, dir: string, shape: string, bytes: number): { file: string; line: number };
