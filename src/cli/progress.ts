// A progress line on stderr when rendering several files on a terminal; silent otherwise.
import type { CliIo } from './io.js';
import { visible } from '../text/visible.js';

export class Progress {
  private readonly active: boolean;

  constructor(
    private readonly io: CliIo,
    private readonly total: number,
  ) {
    this.active = total > 1 && Boolean(io.stderr.isTTY);
  }

  update(index: number, label: string): void {
    // The label is a file name: its control characters are shown as escapes, clu's own codes stay.
    if (this.active) this.io.stderr.write(`\r\x1b[K[${index + 1}/${this.total}] ${visible(label)}`);
  }

  clear(): void {
    if (this.active) this.io.stderr.write('\r\x1b[K');
  }

  done(): void {
    this.clear();
  }
}
