// A template's style.json: overrides of the default stylesheet (fonts, page margins, footer, paragraph
// styles). Font paths are relative to the template folder, so an administration entitled to the State's
// typeface can point at its own TTF files without clu shipping them.
import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../cli/errors.js';
import { readJsonFile } from '../load/read-json.js';
import { staysInsideAny } from '../load/project-root.js';
import { outside, ownScope } from './template-files.js';
import { defaultStylesheet, type StyleName, type Stylesheet } from '../document/stylesheet.js';

/** Points: generous bounds that still leave a page to write on (A4 is 595 × 842 points). */
const Points = (max: number) => z.number().min(0).max(max);

const BlockStyleOverride = z
  .strictObject({
    font: z.enum(['regular', 'bold', 'italic', 'boldItalic']),
    size: z.number().min(4).max(72),
    align: z.enum(['left', 'right', 'center']),
    spaceBefore: Points(144),
    spaceAfter: Points(144),
    indent: Points(200),
    keepWithNext: z.boolean(),
    color: z.string().regex(/^[0-9A-Fa-f]{6}$/),
    underline: z.boolean(),
    lineHeight: z.number().min(0.8).max(3),
  })
  .partial();

const STYLE_NAMES = Object.keys(defaultStylesheet().styles) as [StyleName, ...StyleName[]];
const FontPath = z.string().min(1).max(1000);

export const StyleOverrides = z.strictObject({
  page: z.strictObject({ margins: z.strictObject({ top: Points(300), right: Points(250), bottom: Points(300), left: Points(250) }).partial() }).partial().optional(),
  fonts: z.strictObject({ family: z.string().min(1).max(100), regular: FontPath, bold: FontPath, italic: FontPath, boldItalic: FontPath }).partial().optional(),
  listMarks: z.strictObject({ check: z.string().max(4), dash: z.string().max(4), bullet: z.string().max(4) }).partial().optional(),
  footer: z.string().max(500).optional(),
  header: z.string().max(500).optional(),
  layout: z
    .strictObject({
      letterheadWidth: z.number().gt(0).max(1),
      tableRule: z.strictObject({ width: z.number().min(0).max(6), color: z.string().regex(/^[0-9A-Fa-f]{6}$/) }).partial(),
      box: z
        .strictObject({ width: z.number().min(0).max(6), color: z.string().regex(/^[0-9A-Fa-f]{6}$/), fill: z.string().regex(/^[0-9A-Fa-f]{6}$/), padding: Points(36) })
        .partial(),
      rule: z.strictObject({ width: z.number().min(0).max(6), color: z.string().regex(/^[0-9A-Fa-f]{6}$/) }).partial(),
    })
    .partial()
    .optional(),
  // Only the known style names: "__proto__", "constructor" or a typo are refused by name.
  styles: z.partialRecord(z.enum(STYLE_NAMES), BlockStyleOverride).optional(),
});
export type StyleOverrides = z.infer<typeof StyleOverrides> & { dir?: string; within?: readonly string[] };

/** The least text area the margins must leave, in points (a column of a few words, a few lines). */
const MIN_TEXT_AREA = 144;
const A4 = { width: 595.28, height: 841.89 };

/** A template's style.json, if it has one; its file and the fonts it names must lie in `within`. */
export function loadStyleOverrides(templateDir: string, within: readonly string[] = ownScope(templateDir)): StyleOverrides {
  const file = path.join(templateDir, 'style.json');
  if (!existsSync(file) && !lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) return { within };
  const data = readJsonFile(file, within, (key: string, value: unknown) => {
    // JSON.parse keeps "__proto__" as an own key, which every later object spread would drop silently.
    if (key === '__proto__') throw new UsageError(`${file}: "__proto__" cannot be a key`, `${file} : « __proto__ » ne peut pas être une clé`);
    return value;
  });
  const result = StyleOverrides.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.map(String).join('.') || '(root)';
    const what = issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    const known = issue.code === 'unrecognized_keys' && issue.path[0] === 'styles' ? ` (known styles: ${STYLE_NAMES.join(', ')})` : '';
    const quoi = issue.code === 'unrecognized_keys' ? `clé${issue.keys.length > 1 ? 's' : ''} inconnue${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `« ${k} »`).join(', ')}` : issue.message;
    const connus = issue.code === 'unrecognized_keys' && issue.path[0] === 'styles' ? ` (styles connus : ${STYLE_NAMES.join(', ')})` : '';
    throw new UsageError(`${file}: ${where}: ${what}${known}`, `${file} : ${where} : ${quoi}${connus}`);
  }
  const margins = { ...defaultStylesheet().page.margins, ...result.data.page?.margins };
  const width = A4.width - margins.left - margins.right;
  const height = A4.height - margins.top - margins.bottom;
  if (width < MIN_TEXT_AREA || height < MIN_TEXT_AREA) {
    throw new UsageError(
      `${file}: page.margins leave a text area of ${Math.round(width)} × ${Math.round(height)} points; at least ${MIN_TEXT_AREA} × ${MIN_TEXT_AREA} is needed (A4 is 595 × 842)`,
      `${file} : page.margins laissent une zone de texte de ${Math.round(width)} × ${Math.round(height)} points ; il en faut au moins ${MIN_TEXT_AREA} × ${MIN_TEXT_AREA} (l’A4 fait 595 × 842)`,
    );
  }
  return { ...result.data, dir: templateDir, within };
}

export function applyStyle(overrides: StyleOverrides): Stylesheet {
  const base = defaultStylesheet();
  const dir = overrides.dir ?? '.';
  const fonts = { ...base.fonts };
  for (const key of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
    const file = overrides.fonts?.[key];
    if (file) {
      const resolved = path.resolve(dir, file);
      if (!/\.(ttf|otf)$/i.test(resolved)) throw new UsageError(`${resolved}: fonts must be TTF or OTF files (WOFF breaks PDF embedding)`, `${resolved} : les polices doivent être des fichiers TTF ou OTF (le WOFF empêche l’incorporation au PDF)`);
      if (overrides.within && !staysInsideAny(resolved, overrides.within)) throw outside(resolved, overrides.within);
      if (!existsSync(resolved)) throw new UsageError(`${resolved}: font file not found (declared in ${path.join(dir, 'style.json')})`, `${resolved} : fichier de police introuvable (déclaré dans ${path.join(dir, 'style.json')})`);
      fonts[key] = resolved;
    }
  }
  if (overrides.fonts?.family) fonts.family = overrides.fonts.family;
  const styles = { ...base.styles };
  for (const [name, style] of Object.entries(overrides.styles ?? {})) {
    if (!Object.hasOwn(styles, name)) throw new UsageError(
        `${path.join(dir, 'style.json')}: unknown style "${name}" (known: ${Object.keys(styles).join(', ')})`,
        `${path.join(dir, 'style.json')} : style inconnu « ${name} » (connus : ${Object.keys(styles).join(', ')})`,
      );
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
      box: { ...base.layout.box, ...overrides.layout?.box },
      rule: { ...base.layout.rule, ...overrides.layout?.rule },
    },
    styles,
  };
}
