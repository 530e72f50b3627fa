// Templates: a folder of Handlebars files (document.hbs and partials/*.hbs) and an optional style.json.
// Templates are code: compiled in strict mode with a fixed list of helpers, so a template that uses an
// unknown field or helper fails with the template's file:line:col instead of printing nothing.
import { createHash } from 'node:crypto';
import { readdirSync, existsSync, statSync } from 'node:fs';
import { readRegularFileOrFail } from '../load/read-file.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { UsageError } from '../cli/errors.js';
import { richTextToMarkup, type NameOf } from './rich-text.js';
import { loadStyleOverrides, type StyleOverrides } from './style-file.js';
import { HEAD_BLOCKS, NUMBERINGS, type HeadBlock } from '../model/schema.js';
import { BUILTIN_TEMPLATES } from './builtin-templates.js';
import { BUILTIN_SPECS } from './builtin-specs.js';

type Numbering = (typeof NUMBERINGS)[number];

export { BUILTIN_TEMPLATES, type BuiltinTemplate } from './builtin-templates.js';

export const MAIN_FILE = 'document.hbs';
const PARTIALS_DIR = 'partials';

/** Helpers a template may call. Anything else is rejected when the template is compiled. */
const KNOWN_HELPERS = { rich: true, eq: true } as const;

export const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: KNOWN_HELPERS,
  preventIndent: true,
} satisfies CompileOptions;

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** What a template sets by default for the house style (template.json); a meeting's style overrides it. */
export interface TemplateDefaults {
  /** The blocks of the head, in order (see partials/head.hbs). */
  entete?: HeadBlock[];
  /** Whether the chair is listed among those present. */
  presidence_parmi_presents?: boolean;
  /** Numbering of the agenda, level by level. */
  numerotation?: Numbering[];
}

export interface LoadedTemplate {
  dir: string;
  style: StyleOverrides;
  defaults: TemplateDefaults;
  /** Renders the markup for a context; `nameOf` resolves @mentions inside rich text. */
  render(context: object, nameOf: NameOf): string;
}

export function builtinTemplateDir(name: string): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');
  return path.join(root, name);
}

/**
 * The files of a template: its document.hbs (or that of the built-in template it extends) and its
 * partials, plus the partials of the built-in template it extends (template.json: { "extends":
 * "compte-rendu" }) that it does not redefine.
 */
export function templateFiles(dir: string): { main: string; partials: Map<string, string> } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: template folder not found`, `${dir} : dossier de modèle introuvable`);
  const base = templateManifest(dir).extends;
  const own = path.join(dir, MAIN_FILE);
  const main = existsSync(own) || !base ? own : templateFiles(builtinTemplateDir(base)).main;
  if (!existsSync(main)) throw new UsageError(`${dir}: a template folder needs a ${MAIN_FILE}`, `${dir} : un dossier de modèle doit contenir un ${MAIN_FILE}`);
  const partials = new Map<string, string>();
  if (base) for (const [name, file] of templateFiles(builtinTemplateDir(base)).partials) partials.set(name, file);
  const partialsDir = path.join(dir, PARTIALS_DIR);
  if (existsSync(partialsDir)) {
    for (const name of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs')).sort()) {
      partials.set(path.basename(name, '.hbs'), path.join(partialsDir, name));
    }
  }
  return { main, partials };
}

export interface TemplateManifest extends TemplateDefaults {
  extends?: string;
  description?: string;
}

/** template.json: what the template extends, and its house-style defaults. */
export function templateManifest(dir: string): TemplateManifest {
  const file = path.join(dir, 'template.json');
  if (!existsSync(file)) return {};
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readRegularFileOrFail(file, 'style').toString('utf8')) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: invalid JSON (${(error as Error).message})`, `${file} : JSON invalide (${(error as Error).message})`);
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) throw new UsageError(`${file}: must be a JSON object`, `${file} : doit être un objet JSON`);
  const result: TemplateManifest = {};
  if (typeof manifest.description === 'string') result.description = manifest.description;
  if (manifest.extends !== undefined) {
    if (typeof manifest.extends !== 'string' || !(BUILTIN_TEMPLATES as readonly string[]).includes(manifest.extends) || manifest.extends === path.basename(dir)) {
      throw new UsageError(
        `${file}: "extends" must name another built-in template (${BUILTIN_TEMPLATES.join(', ')})`,
        `${file} : « extends » doit nommer un autre modèle intégré (${BUILTIN_TEMPLATES.join(', ')})`,
      );
    }
    result.extends = manifest.extends;
  }
  if (manifest.entete !== undefined) {
    const blocks = manifest.entete;
    if (!Array.isArray(blocks) || blocks.some((b) => !(HEAD_BLOCKS as readonly unknown[]).includes(b))) {
      throw new UsageError(
        `${file}: "entete" must be a list of head blocks (${HEAD_BLOCKS.join(', ')})`,
        `${file} : « entete » doit être une liste de blocs d’en-tête (${HEAD_BLOCKS.join(', ')})`,
      );
    }
    result.entete = blocks as HeadBlock[];
  }
  if (manifest.numerotation !== undefined) {
    const levels = manifest.numerotation;
    if (!Array.isArray(levels) || levels.length === 0 || levels.some((l) => !(NUMBERINGS as readonly unknown[]).includes(l))) {
      throw new UsageError(
        `${file}: "numerotation" must be a list of numberings (${NUMBERINGS.join(', ')})`,
        `${file} : « numerotation » doit être une liste de numérotations (${NUMBERINGS.join(', ')})`,
      );
    }
    result.numerotation = levels as Numbering[];
  }
  if (manifest.presidence_parmi_presents !== undefined) {
    if (typeof manifest.presidence_parmi_presents !== 'boolean') throw new UsageError(`${file}: "presidence_parmi_presents" must be true or false`, `${file} : « presidence_parmi_presents » doit valoir true ou false`);
    result.presidence_parmi_presents = manifest.presidence_parmi_presents;
  }
  return result;
}

/** Loads a template folder; throws UsageError (exit 2) with file:line:col when it is broken. */
export function loadTemplate(dir: string): LoadedTemplate {
  const { main: mainPath, partials } = templateFiles(dir);
  const env = Handlebars.create();
  const files = new Map<string, string>();
  files.set(mainPath, readRegularFileOrFail(mainPath, 'template').toString('utf8'));
  for (const file of partials.values()) files.set(file, readRegularFileOrFail(file, 'template').toString('utf8'));
  const compiledFiles = new Map([...files].map(([file, source]) => [file, compileTemplate(env, file, source)]));
  for (const [file, compiled] of compiledFiles) {
    if (file === mainPath) continue;
    const name = path.basename(file, '.hbs');
    env.registerPartial(name, ((context: unknown, options: Handlebars.RuntimeOptions) => {
      try {
        return compiled(context, options);
      } catch (error) {
        throw error instanceof TemplateRuntimeError || error instanceof TemplateLimitError ? error : new TemplateRuntimeError(templateError(file, error));
      }
    }) as Handlebars.TemplateDelegate);
  }
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const budget = limitLoops(env);
  const main = compiledFiles.get(mainPath)!;
  const style = loadStyleOverrides(dir);
  const manifest = templateManifest(dir);
  const inherited = manifest.extends ? templateManifest(builtinTemplateDir(manifest.extends)) : {};
  const { entete, presidence_parmi_presents, numerotation } = { ...inherited, ...manifest };

  return {
    dir,
    style,
    defaults: {
      ...(entete ? { entete } : {}),
      ...(presidence_parmi_presents !== undefined ? { presidence_parmi_presents } : {}),
      ...(numerotation ? { numerotation } : {}),
    },
    render(context, nameOf) {
      env.registerHelper('rich', (text: unknown) => {
        if (typeof text !== 'string') return '';
        return new Handlebars.SafeString(richTextToMarkup(text, nameOf));
      });
      budget.start();
      try {
        return main(context);
      } catch (error) {
        if (error instanceof TemplateLimitError) throw new UsageError(`${dir}: ${error.message}`, `${dir} : ${error.french}`);
        if (error instanceof TemplateRuntimeError) throw error.usage;
        throw templateError(mainPath, error);
      }
    },
  };
}

/** What names a template's compiled form: its source and the compile options (BUILTIN_SPECS). */
export function templateKey(source: string): string {
  return createHash('sha256').update(JSON.stringify(COMPILE_OPTIONS)).update('\u0000').update(source).digest('hex');
}

/**
 * A template's source compiled: by the build for the built-in templates (BUILTIN_SPECS), else now.
 * Precompiling checks syntax and helpers at once, with positions, rather than at the first render.
 */
function compileTemplate(env: typeof Handlebars, file: string, source: string): Handlebars.TemplateDelegate {
  const built = BUILTIN_SPECS[templateKey(source)];
  if (built) return env.template(built);
  let spec: string | TemplateSpecification;
  try {
    spec = env.precompile(source, COMPILE_OPTIONS);
  } catch (error) {
    throw templateError(file, error);
  }
  // The spec is JavaScript that Handlebars wrote from the template (as a precompiled template file is).
  return env.template(new Function(`return ${String(spec)};`)() as TemplateSpecification);
}

/** A partial's error, carried out of the main template's own error handling unchanged. */
class TemplateRuntimeError extends Error {
  constructor(readonly usage: UsageError) {
    super(usage.message);
  }
}

/** A template runs under limits: a loop nested too deep ends with a message, not after minutes at 4 GB. */
export const TEMPLATE_LIMITS = { seconds: 20, characters: 50 * 1024 * 1024 };

class TemplateLimitError extends Error {
  constructor(
    message: string,
    readonly french: string,
  ) {
    super(message);
  }
}

/**
 * Wraps the built-in `each`, the only way a template can repeat work: every iteration checks the time
 * spent and counts the characters produced (nested loops count their output once per level, so the
 * limit is reached sooner, never later, than the real output size).
 */
function limitLoops(env: typeof Handlebars): { start(): void } {
  const each = env.helpers.each as Handlebars.HelperDelegate;
  let deadline = 0;
  let produced = 0;
  env.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const fn = options.fn;
    const guarded = Object.assign((item: unknown, data?: Handlebars.RuntimeOptions) => {
      if (Date.now() > deadline) {
        throw new TemplateLimitError(
          `the template ran for more than ${TEMPLATE_LIMITS.seconds} s (a loop nested too deep?)`,
          `le modèle a tourné plus de ${TEMPLATE_LIMITS.seconds} s (une boucle trop imbriquée ?)`,
        );
      }
      const out = fn(item, data);
      produced += out.length;
      if (produced > TEMPLATE_LIMITS.characters) {
        throw new TemplateLimitError(
          `the template produced more than ${TEMPLATE_LIMITS.characters / 1024 / 1024} M characters (a loop nested too deep?)`,
          `le modèle a produit plus de ${TEMPLATE_LIMITS.characters / 1024 / 1024} M de caractères (une boucle trop imbriquée ?)`,
        );
      }
      return out;
    }, fn);
    return each.call(this, context, { ...options, fn: guarded });
  });
  return {
    start() {
      deadline = Date.now() + TEMPLATE_LIMITS.seconds * 1000;
      produced = 0;
    },
  };
}

/** "file:line:col: what" from a Handlebars error ("Parse error on line 3", "… - 3:5"). */
function templateError(file: string, error: unknown): UsageError {
  const message = (error as Error).message ?? String(error);
  const parse = /Parse error on line (\d+):[\s\S]*?\n([\s\S]*)$/.exec(message);
  if (parse) {
    const detail = parse[2]!.split('\n').pop();
    return new UsageError(`${file}:${parse[1]}:1: template syntax error: ${detail}`, `${file}:${parse[1]}:1 : erreur de syntaxe du modèle : ${detail}`);
  }
  const located = / - (\d+):(\d+)$/.exec(message);
  const bare = message.replace(/ - \d+:\d+$/, '');
  const what = bare
    .replace(/^"(.+)" not defined in .*$/, 'unknown field "$1"')
    .replace(/^You specified knownHelpersOnly, but used the unknown helper (.+)$/, 'unknown helper "$1" (helpers: rich, eq, each, if, unless, with)');
  const quoi = bare
    .replace(/^"(.+)" not defined in .*$/, 'champ inconnu « $1 »')
    .replace(/^You specified knownHelpersOnly, but used the unknown helper (.+)$/, 'assistant inconnu « $1 » (assistants : rich, eq, each, if, unless, with)');
  const loc = located ? `${Number(located[1])}:${Number(located[2]) + 1}` : '1:1';
  return new UsageError(`${file}:${loc}: ${what}`, `${file}:${loc} : ${quoi}`);
}
