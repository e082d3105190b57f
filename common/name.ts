/**
 * A person's name as on the resident ID card: 2–30 characters of Chinese or other letters, with
 * `·` between the parts of a minority or transliterated name (`阿卜杜拉·艾买提`).
 * Pure and shared: the H5 page checks as people type, the server stays the judge.
 */

// Phones and input methods offer several look-alike middle dots; the ID card has one.
const MIDDLE_DOTS = /[•・･∙⋅‧]/g;
const NAME = /^\p{L}+(?:·\p{L}+)*$/u;

/** Trims, and writes every look-alike middle dot as `·` (U+00B7): `normalizeName(' 阿卜杜拉•艾买提 ') === '阿卜杜拉·艾买提'`. */
export function normalizeName(raw: string): string {
  return raw.trim().replace(MIDDLE_DOTS, '·');
}

export function isValidName(raw: string): boolean {
  const name = normalizeName(raw);
  const length = Array.from(name).length;
  return length >= 2 && length <= 30 && NAME.test(name);
}
