// The names of the templates shipped with clu: a module of its own so that the command line can list
// them without loading Handlebars and the compose stage.
export const BUILTIN_TEMPLATES = ['compte-rendu', 'proces-verbal'] as const;
export type BuiltinTemplate = (typeof BUILTIN_TEMPLATES)[number];

export function isBuiltinTemplate(name: string): name is BuiltinTemplate {
  return (BUILTIN_TEMPLATES as readonly string[]).includes(name);
}
