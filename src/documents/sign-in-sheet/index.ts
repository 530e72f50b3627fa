// The sign-in sheet (feuille d'émargement): one per meeting, or one per composition for a meeting to come
// (its date, time and place given apart), named "….emargement"; styled by a template's style.json or
// clu's default stylesheet.
import path from 'node:path';
import type { Stylesheet } from '../../document/stylesheet.js';
import type { DocumentKind } from '../kind.js';
import { meetingInputs, outputStem, STDIN_NAME } from '../output-name.js';
import { buildSheet, sheetFromComposition, sheetFromMeeting } from './build.js';

export interface SignInSheetOptions {
  stylesheet: Stylesheet;
  /** Blank rows for guests who are not declared. */
  blankLines: number;
}

export function signInSheet({ stylesheet, blankLines }: SignInSheetOptions): DocumentKind {
  return {
    id: 'sign-in-sheet',
    async plan(source, { env, cwd }) {
      const input = path.resolve(cwd, source.file);
      if (source.type === 'composition') {
        const name = source.file === STDIN_NAME ? 'composition' : path.basename(source.file).replace(/\.ya?ml$/i, '').replace(/\.composition$/i, '');
        const sheet = sheetFromComposition(source.composition, source.details, blankLines);
        return [{ from: source.file, name: `${name}-${source.details.date}.emargement`, stylesheet, folder: path.dirname(input), baseDir: path.dirname(input), inputs: [input], compose: () => buildSheet(sheet, env) }];
      }
      const { meeting } = source;
      const sheet = sheetFromMeeting(meeting, blankLines);
      return [
        {
          from: source.file,
          name: `${outputStem(source.file, meeting.meeting.seance.date)}.emargement`,
          stylesheet,
          folder: path.dirname(input),
          baseDir: path.dirname(input),
          inputs: meetingInputs(meeting, cwd),
          compose: () => buildSheet(sheet, env),
        },
      ];
    },
  };
}
