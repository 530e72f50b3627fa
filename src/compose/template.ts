// Templates: a folder of Handlebars files (document.hbs and partials/*.hbs) and an optional style.json.
// Templates are code: compiled in strict mode with a fixed list of helpers, so a template that uses an
// unknown field or helper fails with the template's file:line:col instead of printing nothing.
import { createHash } from 'node:crypto';
import { readRegularFileOrFail } from '../load/read-file.js';
import path from 'node:path';
import Handlebars from 'handlebars';
import { UsageError } from '../cli/errors.js';
import { richTextToMarkup, type NameOf } from './rich-text.js';
import { loadStyleOverrides, type StyleOverrides } from './style-file.js';
import { BUILTIN_SPECS } from './builtin-specs.js';
import { builtinTemplateDir, ownScope, templateFiles, templateManifest, type TemplateDefaults } from './template-files.js';

export { BUILTIN_TEMPLATES, type BuiltinTemplate } from './builtin-templates.js';
export { builtinTemplateDir, builtinTemplatesRoot, MAIN_FILE, ownScope, templateFiles, templateManifest, templateScope, type TemplateDefaults, type TemplateManifest } from './template-files.js';

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

export interface LoadedTemplate {
  dir: string;
  /** The folders its files (and the fonts of its style.json) may be in. */
  within: readonly string[];
  style: StyleOverrides;
  defaults: TemplateDefaults;
  /** Renders the markup for a context; `nameOf` resolves @mentions inside rich text. */
  render(context: object, nameOf: NameOf): string;
}

/**
 * Loads a template folder whose files must lie in `within` (templateScope); throws UsageError (exit 2)
 * with file:line:col when it is broken.
 */
export function loadTemplate(dir: string, within: readonly string[] = ownScope(dir)): LoadedTemplate {
  const { main: mainPath, partials } = templateFiles(dir, within);
  const env = Handlebars.create();
  const files = new Map<string, string>();
  files.set(mainPath, readRegularFileOrFail(mainPath, 'template', within).toString('utf8'));
  for (const file of partials.values()) files.set(file, readRegularFileOrFail(file, 'template', within).toString('utf8'));
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
  const style = loadStyleOverrides(dir, within);
  const manifest = templateManifest(dir, within);
  const inherited = manifest.extends ? templateManifest(builtinTemplateDir(manifest.extends), within) : {};
  const { entete, presidence_parmi_presents, numerotation } = { ...inherited, ...manifest };

  return {
    dir,
    within,
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

/**
 * "file:line:col: what" from a Handlebars error ("Parse error on line 3", "… - 3:5"). A syntax error's
 * excerpt of the source is left out: the message names the place and the expected token, never the text.
 */
function templateError(file: string, error: unknown): UsageError {
  const message = (error as Error).message ?? String(error);
  const parse = /^(Parse|Lexical) error on line (\d+)[:.]\s*([^\n]*)[\s\S]*?(?:\n(Expecting [^\n]*))?$/.exec(message);
  if (parse) {
    const detail = parse[4] ?? (parse[3] || 'unrecognised text');
    return new UsageError(`${file}:${parse[2]}:1: template syntax error: ${detail}`, `${file}:${parse[2]}:1 : erreur de syntaxe du modèle : ${detail}`);
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
