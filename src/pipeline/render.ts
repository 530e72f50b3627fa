// The pipeline, for every command that writes documents and for library callers: the sources (validated
// meetings or compositions) → the documents their kinds plan → every target checked → each tree composed,
// its pictures gathered in the resource bag, written in every format asked → all outputs committed
// together (all or nothing: src/output/commit.ts). Nothing is written before everything has been made.
import path from 'node:path';
import type { DocumentKind, DocumentSource, KindContext, PlannedDocument } from '../documents/kind.js';
import { ResourceBag } from '../load/resource-bag.js';
import { commitOutputs, type Output } from '../output/commit.js';
import { pauseForSignals } from '../output/interrupt.js';
import { checkTargets } from '../output/targets.js';
import { writerFor, type FormatId } from '../writers/registry.js';

export interface RenderRequest {
  kinds: readonly DocumentKind[];
  formats: readonly FormatId[];
  /** The output folder; by default each document goes next to its input. */
  out?: string;
  context: KindContext;
  /** PDF: claim PDF/A-2a as well. */
  pdfa?: boolean;
  /** Told before each document is made (a progress line). */
  onDocument?: (index: number, total: number, document: PlannedDocument) => void;
}

interface Plan {
  document: PlannedDocument;
  targets: { format: FormatId; target: string }[];
}

/** Makes and writes every document of the sources; returns the files written, in order. */
export async function render(sources: readonly DocumentSource[], request: RenderRequest): Promise<string[]> {
  const plans = await planOutputs(sources, request);
  checkTargets(
    plans.flatMap(({ document, targets }) => targets.map(({ target }) => ({ target, from: document.from }))),
    plans.flatMap(({ document }) => document.inputs),
  );
  // Made in memory, then written all together: a document's formats change together or not at all.
  // Between two outputs, a Ctrl-C is handled (nothing has been written yet).
  const outputs: Output[] = [];
  const bag = new ResourceBag();
  for (const [index, { document, targets }] of plans.entries()) {
    request.onDocument?.(index, plans.length, document);
    const tree = document.compose();
    const resources = bag.gather(tree.blocks, document.baseDir, document.imageScope);
    for (const { format, target } of targets) {
      await pauseForSignals();
      outputs.push({ target, bytes: await writerFor(format).write(tree, document.stylesheet, { resources, pdfa: Boolean(request.pdfa) }) });
    }
  }
  await commitOutputs(outputs);
  // A signal received during the renames is handled here: the files are complete, but the run was stopped.
  await pauseForSignals();
  return outputs.map(({ target }) => target);
}

/** Every document of every source, kind by kind, with its target per format (templates loaded on the way). */
async function planOutputs(sources: readonly DocumentSource[], request: RenderRequest): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const source of sources) {
    for (const kind of request.kinds) {
      for (const document of await kind.plan(source, request.context)) {
        const folder = request.out ?? document.folder;
        const targets = request.formats.map((format) => ({ format, target: path.join(folder, `${document.name}.${writerFor(format).extension}`) }));
        plans.push({ document, targets });
      }
    }
  }
  return plans;
}
