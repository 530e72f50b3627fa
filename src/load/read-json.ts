// A small JSON file of a template (template.json, style.json), read as every file clu is pointed at is
// read (regular, capped, confined) and parsed. A syntax error names the file and the place, never the
// text: Node's own message quotes the file's first characters, which for a file that is not JSON (a
// key, a password file) would print a secret.
import { parseDocument } from 'yaml';
import { UsageError } from '../cli/errors.js';
import { readRegularFileOrFail } from './read-file.js';

export function readJsonFile(file: string, within: readonly string[], reviver?: (key: string, value: unknown) => unknown): unknown {
  const text = readRegularFileOrFail(file, 'style', within).toString('utf8');
  try {
    return JSON.parse(text, reviver as ((this: unknown, key: string, value: unknown) => unknown) | undefined);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const where = jsonErrorPlace(error, text);
    return invalid(file, where);
  }
}

function invalid(file: string, where: { line: number; column: number } | undefined): never {
  const en = where ? ` at line ${where.line}, column ${where.column}` : '';
  const fr = where ? ` à la ligne ${where.line}, colonne ${where.column}` : '';
  throw new UsageError(
    `${file}: invalid JSON${en} (check the quotes, commas and braces)`,
    `${file} : JSON invalide${fr} (vérifiez les guillemets, les virgules et les accolades)`,
  );
}

/**
 * The line and column of a JSON.parse error: from the offset its message gives, else from the YAML
 * parser (JSON is YAML), which says where it stopped without quoting anything clu prints.
 */
function jsonErrorPlace(error: unknown, text: string): { line: number; column: number } | undefined {
  const message = error instanceof Error ? error.message : '';
  let offset = /at position (\d+)/.exec(message)?.[1] ?? (/Unexpected end of JSON input/.test(message) ? String(text.length) : undefined);
  if (offset === undefined) {
    const first = parseDocument(text, { schema: 'json', prettyErrors: false }).errors[0];
    if (first) offset = String(first.pos[0]);
  }
  if (offset === undefined) return undefined;
  const before = text.slice(0, Number(offset));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
