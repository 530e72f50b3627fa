// The compose stage: resolved meeting → template context → markup → document tree, with French
// typography applied to every text node. One tree feeds every writer, so DOCX and PDF say the same thing.
import type { ResolvedMeeting } from '../model/resolve.js';
import { displayName } from '../model/names.js';
import { inlineText, type DocumentTree } from '../document/tree.js';
import { applyTypography } from '../typography/tree.js';
import { dateToUtc } from '../typography/dates.js';
import { UsageError } from '../cli/errors.js';
import { buildContext } from './context.js';
import { parseMarkup, MarkupError } from './markup.js';
import type { LoadedTemplate } from './template.js';

export function composeDocument(resolved: ResolvedMeeting, template: LoadedTemplate, env: Record<string, string | undefined> = {}): DocumentTree {
  const context = buildContext(resolved, template.defaults);
  const nameOf = (id: string) => {
    const person = resolved.people.get(id);
    return person ? displayName(person, 'short', resolved.style.personnes) : undefined;
  };
  const markup = template.render(context, nameOf);
  let blocks;
  try {
    blocks = applyTypography(parseMarkup(markup));
  } catch (error) {
    if (error instanceof MarkupError) throw new UsageError(`${template.dir}: the template produced invalid markup: ${error.message}`);
    throw error;
  }
  const titleBlock = blocks.find((b) => b.type === 'title');
  const { meeting, composition, organisation } = resolved;
  return {
    meta: {
      // A title on several lines is one line in the file's properties.
      title: titleBlock && titleBlock.type === 'title' ? inlineText(titleBlock.children).replace(/\s*\n\s*/g, ' ') : composition.instance.nom,
      ...(meeting.document.auteur ?? organisation?.contact?.nom ? { author: meeting.document.auteur ?? organisation?.contact?.nom } : {}),
      subject: `${composition.instance.nom} – ${meeting.seance.date}`,
      keywords: ['compte rendu', composition.instance.nom],
      lang: 'fr-FR',
      date: documentDate(meeting.document.date, env),
    },
    blocks,
  };
}

/** The date stamped into the files: SOURCE_DATE_EPOCH when set (reproducible builds), else the document's date. */
export function documentDate(isoDate: string, env: Record<string, string | undefined>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return dateToUtc(isoDate);
}
