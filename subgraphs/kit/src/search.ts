/**
 * Search that ignores case and Vietnamese diacritics (domain.md rule 7).
 *
 * Text is decomposed (NFD) and its combining marks dropped; đ/Đ have no decomposition (the
 * stroke is part of the letter), so they are mapped to d by hand. Records store the resulting
 * tokens in an indexed array; a query matches when every one of its tokens is there. This works
 * the same on MongoDB and FerretDB, neither of which needs a text index for it.
 */

const COMBINING_MARKS = /\p{M}+/gu;

/** "Thừa Thiên Huế" → "thua thien hue"; "ĐỐI NGOẠI" → "doi ngoai". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

/** The distinct search tokens of some texts, in first-seen order. */
export function searchTokens(...texts: Array<string | null | undefined>): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const token of foldText(text).split(/[^\p{L}\p{N}]+/u)) {
      if (token) tokens.add(token);
    }
  }
  return [...tokens];
}

/** The Mongo filter for a user's search text, or undefined when it has no tokens. */
export function searchFilter(query: string | null | undefined, field = 'searchTokens'): Record<string, unknown> | undefined {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return undefined;
  return { [field]: { $all: tokens } };
}

/** An ASCII slug for natural keys: "Phó Trưởng ban Thường trực" → "pho-truong-ban-thuong-truc". */
export function slugify(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
