// Errors that mean "clu could not run" (exit code 2): bad usage, unreadable file, broken template.
// User mistakes inside a meeting file are never thrown: they are diagnostics (exit code 1).
export class UsageError extends Error {
  override readonly name = 'UsageError';

  /** `french` is shown instead of the English message when the user's locale is French. */
  constructor(
    message: string,
    readonly french?: string,
  ) {
    super(message);
  }
}
