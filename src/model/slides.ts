// Slide references: 5 → "page 5"; [6, 7] → "pages 6 et 7"; "8-10" → "pages 8 à 10".
export type Slides =
  | { kind: 'single'; page: number }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'list'; pages: number[] };

export function parseSlides(value: number | string | number[]): Slides {
  if (typeof value === 'number') return { kind: 'single', page: value };
  if (Array.isArray(value)) return value.length === 1 ? { kind: 'single', page: value[0]! } : { kind: 'list', pages: value };
  const [from, to] = value.split('-').map((part) => Number(part.trim())) as [number, number];
  return from === to ? { kind: 'single', page: from } : { kind: 'range', from, to };
}

/** Made on first use: an Intl object costs milliseconds to build, and validating never needs it. */
let listFormat: Intl.ListFormat | undefined;

export function formatSlides(slides: Slides): string {
  switch (slides.kind) {
    case 'single':
      return `page ${slides.page}`;
    case 'range':
      return `pages ${slides.from} à ${slides.to}`;
    case 'list':
      return `pages ${(listFormat ??= new Intl.ListFormat('fr', { style: 'long', type: 'conjunction' })).format(slides.pages.map(String))}`;
  }
}
