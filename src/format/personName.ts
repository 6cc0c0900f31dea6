/** Lower-case words that start a family name ("Jan van der Berg", "Ludwig von Mises", "Vasco da Gama"). */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'du',
  'la',
  'le',
  'ter',
  'ten',
  'bin',
  'al',
]);

/**
 * A person's name split into first and last name: "Last, First" is turned round; a family name starts at its
 * first lower-case particle ("van der Berg"), else it is the last word; one word is a first name.
 */
export function splitPersonName(text: string): { first: string; last: string } {
  const name = text.replace(/\s+/g, ' ').trim();
  const comma = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (comma) {
    return { first: (comma[2] ?? '').trim(), last: (comma[1] ?? '').trim() };
  }
  const words = name.split(' ').filter((w) => w !== '');
  if (words.length <= 1) {
    return { first: words[0] ?? '', last: '' };
  }
  const particle = words.findIndex((w, i) => i > 0 && PARTICLES.has(w));
  const at = particle > 0 && particle < words.length - 1 ? particle : words.length - 1;
  return { first: words.slice(0, at).join(' '), last: words.slice(at).join(' ') };
}
