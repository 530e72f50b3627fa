// A template's style.json: overrides of the default stylesheet (fonts, page margins, footer, paragraph
// styles). Font paths are relative to the template folder, so an administration entitled to the State's
// typeface can point at its own TTF files without clu shipping them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../cli/errors.js';
import { defaultStylesheet, type StyleName, type Stylesheet } from '../document/stylesheet.js';

const BlockStyleOverride = z
  .strictObject({
    font: z.enum(['regular', 'bold', 'italic', 'boldItalic']),
    size: z.number().positive().max(72),
    align: z.enum(['left', 'right', 'center']),
    spaceBefore: z.number().min(0),
    spaceAfter: z.number().min(0),
    indent: z.number().min(0),
    keepWithNext: z.boolean(),
    color: z.string().regex(/^[0-9A-Fa-f]{6}$/),
    underline: z.boolean(),
    lineHeight: z.number().min(0.8).max(3),
  })
  .partial();

export const StyleOverrides = z.strictObject({
  page: z.strictObject({ margins: z.strictObject({ top: z.number(), right: z.number(), bottom: z.number(), left: z.number() }).partial() }).partial().optional(),
  fonts: z
    .strictObject({ family: z.string(), regular: z.string(), bold: z.string(), italic: z.string(), boldItalic: z.string() })
    .partial()
    .optional(),
  listMarks: z.strictObject({ check: z.string(), dash: z.string(), bullet: z.string() }).partial().optional(),
  footer: z.string().optional(),
  header: z.string().optional(),
  layout: z
    .strictObject({
      letterheadWidth: z.number().gt(0).max(1),
      tableRule: z.strictObject({ width: z.number().min(0).max(6), color: z.string().regex(/^[0-9A-Fa-f]{6}$/) }).partial(),
    })
    .partial()
    .optional(),
  styles: z.record(z.string(), BlockStyleOverride).optional(),
});
export type StyleOverrides = z.infer<typeof StyleOverrides> & { dir?: string };

export function loadStyleOverrides(templateDir: string): StyleOverrides {
  const file = path.join(templateDir, 'style.json');
  if (!existsSync(file)) return {};
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: invalid JSON (${(error as Error).message})`);
  }
  const result = StyleOverrides.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UsageError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return { ...result.data, dir: templateDir };
}

export function applyStyle(overrides: StyleOverrides): Stylesheet {
  const base = defaultStylesheet();
  const dir = overrides.dir ?? '.';
  const fonts = { ...base.fonts };
  for (const key of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
    const file = overrides.fonts?.[key];
    if (file) {
      const resolved = path.resolve(dir, file);
      if (!/\.(ttf|otf)$/i.test(resolved)) throw new UsageError(`${resolved}: fonts must be TTF or OTF files (WOFF breaks PDF embedding)`);
      if (!existsSync(resolved)) throw new UsageError(`${resolved}: font file not found (declared in ${path.join(dir, 'style.json')})`);
      fonts[key] = resolved;
    }
  }
  if (overrides.fonts?.family) fonts.family = overrides.fonts.family;
  const styles = { ...base.styles };
  for (const [name, style] of Object.entries(overrides.styles ?? {})) {
    if (!(name in styles)) throw new UsageError(`${path.join(dir, 'style.json')}: unknown style "${name}" (known: ${Object.keys(styles).join(', ')})`);
    styles[name as StyleName] = { ...styles[name as StyleName], ...style } as Stylesheet['styles'][StyleName];
  }
  return {
    page: { size: 'A4', margins: { ...base.page.margins, ...overrides.page?.margins } },
    fonts,
    listMarks: { ...base.listMarks, ...overrides.listMarks },
    footer: overrides.footer ?? base.footer,
    header: overrides.header ?? base.header,
    layout: {
      letterheadWidth: overrides.layout?.letterheadWidth ?? base.layout.letterheadWidth,
      tableRule: { ...base.layout.tableRule, ...overrides.layout?.tableRule },
    },
    styles,
  };
}
