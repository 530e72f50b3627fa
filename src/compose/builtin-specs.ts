// The built-in templates compiled at build time, keyed by templateKey(source): the bundle
// (scripts/bundle.mjs) fills this object in with Handlebars' precompiled specs of templates/**/*.hbs.
// Left empty here (tests, dist/ modules): templates are then compiled when they are loaded.
import type Handlebars from 'handlebars';

export const BUILTIN_SPECS: Record<string, Parameters<typeof Handlebars.template>[0]> = {};
