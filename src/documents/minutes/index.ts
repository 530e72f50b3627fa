// The minutes (compte rendu or procès-verbal): one per meeting, named after the meeting file, composed
// through the template the meeting's files name (style.modele, or that of their style.base), or the one
// given on the command line.
import path from 'node:path';
import { composeDocument } from '../../compose/compose.js';
import { templateScope } from '../../compose/template-files.js';
import { templateDir } from '../../compose/template-names.js';
import type { ResolvedMeeting } from '../../model/resolve.js';
import type { DocumentKind } from '../kind.js';
import { meetingInputs, outputStem } from '../output-name.js';

export const minutes: DocumentKind = {
  id: 'minutes',
  async plan(source, { templates, forced, env, cwd }) {
    if (source.type !== 'meeting') return [];
    const { meeting } = source;
    const scope = templateScope([meeting.root]);
    const { template, stylesheet } = forced ?? (await templates.get(meetingTemplateDir(meeting), scope));
    // A picture (logo, content image, a template's <img>) is read from the meeting's project or clu's own.
    const imageScope = forced ? [...scope, ...forced.template.within] : scope;
    return [
      {
        from: meeting.file,
        name: outputStem(meeting.file, meeting.meeting.seance.date),
        stylesheet,
        folder: path.dirname(path.resolve(cwd, meeting.file)),
        baseDir: path.dirname(path.resolve(cwd, meeting.file)),
        imageScope,
        inputs: meetingInputs(meeting, cwd),
        compose: () => composeDocument(meeting, template, env),
      },
    ];
  },
};

/** The template a meeting's files name (resolved against the declaring file when the style was merged). */
export function meetingTemplateDir(meeting: ResolvedMeeting): string {
  return templateDir(meeting.style.modele, process.cwd());
}
