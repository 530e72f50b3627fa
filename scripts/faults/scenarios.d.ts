// Types of scenarios.js, for test/faults.test.ts.
export interface ScenarioResult {
  held: boolean | undefined;
  detail: string;
}
export interface Scenario {
  group: 'write' | 'process' | 'read' | 'mistake';
  name: string;
  /** 'root': mounts a tmpfs; skipped otherwise (an injected variant covers the same failure). */
  needs?: 'root';
  /** Runs clu many times (kills, concurrent runs): fewer rounds in the test suite. */
  slow?: boolean;
  run(options?: { rounds?: number }): Promise<ScenarioResult> | ScenarioResult;
}
export const scenarios: Scenario[];
export const isRoot: boolean;
export const ROOT: string;
export interface CluResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut?: boolean;
  signal?: string | null;
}
export interface CluOptions {
  cwd?: string;
  env?: Record<string, string>;
  fault?: string;
  timeout?: number;
}
export function useRunner(run: (args: string[], options: CluOptions) => Promise<CluResult>): void;
