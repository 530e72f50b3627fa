// `--format docx,pdf`: the formats a command writes, checked against the writers' registry (or the part of
// it a command offers: the sign-in sheet has no Markdown).
import { FORMAT_IDS, type FormatId } from '../writers/registry.js';
import { UsageError } from './errors.js';

/** The formats of a comma-separated list, each once, in the order given; `flag` names the option in messages. */
export function parseFormats(value: string, offered: readonly FormatId[] = FORMAT_IDS, flag = '--format'): FormatId[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) {
    if (!(offered as readonly string[]).includes(f)) {
      const what = flag === '--format' ? { en: 'format', fr: 'format' } : { en: 'sheet format', fr: 'format de feuille' };
      throw new UsageError(`unknown ${what.en} "${f}" (choose among: ${offered.join(', ')})`, `${what.fr} inconnu « ${f} » (au choix : ${offered.join(', ')})`);
    }
  }
  if (formats.length === 0) throw new UsageError(`${flag} needs at least one of: ${offered.join(', ')}`, `${flag} attend au moins l’un de : ${offered.join(', ')}`);
  return [...new Set(formats)] as FormatId[];
}
