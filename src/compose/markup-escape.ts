// The escaping used for the template markup: Handlebars' own, so that text inserted by `{{value}}` and
// text produced by helpers are escaped the same way.
import Handlebars from 'handlebars';

export function escapeMarkup(text: string): string {
  return Handlebars.Utils.escapeExpression(text);
}
