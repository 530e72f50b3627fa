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
    if (error instanceof MarkupError) throw new UsageError(`${template.dir}: the template produced invalid markup: ${error.message}`, `${template.dir} : le modèle a produit un balisage invalide : ${error.message}`);
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
/** 9999-12-31T23:59:59Z: the last second a PDF or DOCX date can hold. */
const MAX_EPOCH = 253402300799;

export function documentDate(isoDate: string, env: Record<string, string | undefined>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch.trim() === '') return dateToUtc(isoDate);
  // reproducible-builds.org: a malformed value is an error, not silently ignored. Years 1970 to 9999.
  const seconds = /^\d{1,12}$/.test(epoch.trim()) ? Number(epoch.trim()) : NaN;
  if (!(seconds <= MAX_EPOCH)) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH="${epoch.slice(0, 40)}" is not a date: give whole seconds since 1970-01-01 UTC, up to ${MAX_EPOCH} (year 9999), or unset it`,
      `SOURCE_DATE_EPOCH="${epoch.slice(0, 40)}" n’est pas une date : donnez un nombre entier de secondes depuis le 1970-01-01 UTC, au plus ${MAX_EPOCH} (an 9999), ou retirez-la`,
    );
  }
  return new Date(seconds * 1000);
  return dateToUtc(isoDate);
}
