// Runs the CLI in-process with captured streams, as bin/clu does with the real ones.
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; tty?: boolean; stdin?: string } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const tty = options.tty ?? false;
  const code = await main(args, {
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: tty },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: tty },
    env: options.env ?? { LANG: 'en_US.UTF-8' },
    cwd: options.cwd ?? process.cwd(),
    ...(options.stdin !== undefined ? { readStdin: async () => Buffer.from(options.stdin ?? '', 'utf8') } : {}),
  });
  return { code, stdout, stderr };
}
