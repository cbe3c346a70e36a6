/**
 * Search that ignores case and Vietnamese diacritics (domain.md rule 7).
 *
 * Text is decomposed (NFD) and its combining marks dropped; đ/Đ have no decomposition (the
 * stroke is part of the letter), so they are mapped to d by hand. Records store the resulting
 * tokens in an indexed array; a query matches when every one of its tokens is there. This works
 * the same on MongoDB and FerretDB, neither of which needs a text index for it.
 */

import { badUserInput } from './errors.js';

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

/** A user's search: words that must all occur, and quoted phrases whose words must occur in order. */
export interface SearchQuery {
  /** Every folded word, phrases' words included (what the token index is asked for). */
  readonly tokens: string[];
  /** Each quoted phrase as its folded words. */
  readonly phrases: string[][];
}

/**
 * Reads `bao chi "nuoc ngoai"`: words anywhere, quoted words in order. An unbalanced quote or a
 * phrase without words is the client's mistake, named as such.
 */
export function parseSearch(query: string, field = 'search'): SearchQuery {
  const quotes = (query.match(/"/g) ?? []).length;
  if (quotes % 2 === 1) throw badUserInput(field, `has an unmatched quote: close the phrase with a second " (got ${JSON.stringify(query)})`);
  const phrases: string[][] = [];
  const rest = query.replace(/"([^"]*)"/g, (_, phrase: string) => {
    const words = searchTokens(phrase);
    if (words.length === 0) throw badUserInput(field, `has an empty phrase ""; put words between the quotes`);
    phrases.push(words);
    return ' ';
  });
  const tokens = [...new Set([...searchTokens(rest), ...phrases.flat()])];
  return { tokens, phrases };
}

/** The folded words of a text, in order (for phrase matching). */
export function foldedWords(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Whether `words` contains `phrase` as consecutive words. */
export function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i += 1) {
    for (let j = 0; j < phrase.length; j += 1) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * A few words of `text` around the first place the search matches (a phrase first, else the
 * first word found), in the text's own spelling, with "…" where it was cut.
 */
export function snippet(text: string, search: SearchQuery, around = 80): string | undefined {
  // Fold character by character, so a position in the folded text maps back to the original.
  const chars = [...text.normalize('NFC')];
  const origin: number[] = [];
  let folded = '';
  chars.forEach((char, index) => {
    const f = foldText(char);
    for (let k = 0; k < f.length; k += 1) origin.push(index);
    folded += f;
  });
  const targets = [...search.phrases.map((phrase) => phrase.join(' ')), ...search.tokens];
  let at = -1;
  let length = 0;
  for (const target of targets) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${target.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'u');
    const match = pattern.exec(folded);
    if (match) {
      at = match.index;
      length = match[0].length;
      break;
    }
  }
  if (at < 0) return undefined;
  const start = origin[Math.max(0, at - around)]!;
  const end = origin[Math.min(origin.length - 1, at + length + around)]!;
  const piece = chars.slice(start, end + 1).join('').replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${piece}${end < chars.length - 1 ? '…' : ''}`;
}

/** How well a text answers a search: occurrences of its words, phrases counted double, the title's words thrice. */
export function relevance(search: SearchQuery, title: string, text: string | undefined): number {
  const titleWords = foldedWords(title);
  const textWords = foldedWords(text ?? '');
  let score = 0;
  for (const token of search.tokens) {
    score += 3 * titleWords.filter((w) => w === token).length + textWords.filter((w) => w === token).length;
  }
  for (const phrase of search.phrases) if (containsPhrase(titleWords, phrase) || containsPhrase(textWords, phrase)) score += 2 * phrase.length;
  return score;
}
