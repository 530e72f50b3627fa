// Each template folder of a run, loaded and compiled once however many documents use it, with its
// stylesheet and, when a writer draws text, its fonts opened and checked: a broken font of a template
// named by `style.modele` is the same one-line message as one of `--template`, before anything is written.
import type * as Fontkit from 'fontkit';
import type { Stylesheet } from '../document/stylesheet.js';
import type { FontVariant } from '../document/stylesheet.js';
import { isInside, realOrResolved } from '../load/project-root.js';
import { loadFonts } from '../load/resources.js';
import { applyStyle } from './style-file.js';
import { builtinTemplatesRoot } from './template-files.js';
import { loadTemplate, type LoadedTemplate } from './template.js';

export interface TemplateEntry {
  template: LoadedTemplate;
  stylesheet: Stylesheet;
  /** Its fonts opened and checked, when a writer that draws text is to run. */
  fonts?: Record<FontVariant, Fontkit.Font>;
}

export class TemplateCache {
  private readonly loaded = new Map<string, TemplateEntry>();

  /** @param withFonts whether a writer that draws text (PDF) is to run: the fonts are then opened and checked. */
  constructor(readonly withFonts: boolean) {}

  /** The template in `dir`, whose files may lie in `projectScope` (a built-in one reads only clu's own files). */
  async get(dir: string, projectScope: readonly string[]): Promise<TemplateEntry> {
    // A built-in template reads only clu's own files, whichever project names it: loaded once for all.
    const builtins = builtinTemplatesRoot();
    const within = isInside(realOrResolved(dir), builtins) ? [builtins] : projectScope;
    const key = JSON.stringify([dir, within]);
    let entry = this.loaded.get(key);
    if (!entry) {
      const template = loadTemplate(dir, within);
      const stylesheet = applyStyle(template.style);
      entry = { template, stylesheet, ...(this.withFonts ? { fonts: await loadFonts(stylesheet.fonts) } : {}) };
      this.loaded.set(key, entry);
    }
    return entry;
  }
}
