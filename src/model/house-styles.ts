// The built-in house styles (styles/NAME/style.yaml): for each kind of body, the template, the head, the
// sentences and the labels it usually writes. A file names one with `style.base`; its own style keys and
// labels then override the house style's, key by key.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { Labels, Style, text } from './schema.js';
import type { HouseStyleName } from './house-style-names.js';

export { HOUSE_STYLES, type HouseStyleName } from './house-style-names.js';

export const HouseStyle = z.strictObject({
  description: text(),
  style: Style.omit({ base: true }).default({}),
  libelles: Labels.default({}),
});
export type HouseStyle = z.infer<typeof HouseStyle>;

/** The folder of a built-in house style (its style.yaml and the starting meeting file of `clu new`). */
export function houseStyleDir(name: HouseStyleName): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'styles', name);
}

const loaded = new Map<HouseStyleName, HouseStyle>();

/** A built-in house style; these files ship with clu and a test checks each against the schema. */
export function houseStyle(name: HouseStyleName): HouseStyle {
  let style = loaded.get(name);
  if (!style) {
    const file = path.join(houseStyleDir(name), 'style.yaml');
    const result = HouseStyle.safeParse(parse(readFileSync(file, 'utf8')));
    if (!result.success) throw new Error(`${file}: ${result.error.message}`);
    style = result.data;
    loaded.set(name, style);
  }
  return style;
}
