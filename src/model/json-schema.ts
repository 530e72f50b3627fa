// The JSON Schemas (draft-7, for yaml-language-server and other editors) generated from the Zod schemas.
// The copies shipped in schema/ must equal these: a test fails when they are out of date
// (regenerate with `npm run schema`).
import { z } from 'zod';
import { Composition, Meeting, Organisation } from './schema.js';

export type SchemaKind = 'seance' | 'composition' | 'organisation';

const SCHEMAS = { seance: Meeting, composition: Composition, organisation: Organisation } as const;

export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  return z.toJSONSchema(SCHEMAS[kind], { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export function jsonSchemaText(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchema(kind), null, 2)}\n`;
}
