/**
 * Search that ignores case and Vietnamese diacritics (domain.md rule 7).
 *
 * Text is decomposed (NFD) and its combining marks dropped; đ/Đ have no decomposition (the
 * stroke is part of the letter), so they are mapped to d by hand. Records store the resulting
 * tokens in an indexed array: every folded word, and every pair of adjacent words ("bao chi",
 * a bigram) so that a quoted phrase can be asked of the database as the `$all` of its pairs.
 * A query matches when every one of its tokens is there. This works the same on MongoDB and
 * FerretDB, neither of which needs a text index for it.
 */

import { badUserInput } from './errors.js';

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_A_WORD = /[^\p{L}\p{N}]+/u;

/** "Thừa Thiên Huế" → "thua thien hue"; "ĐỐI NGOẠI" → "doi ngoai". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');
}

/** The folded words of a text, in order (for phrase matching). */
export function foldedWords(text: string): string[] {
  return foldText(text).split(NOT_A_WORD).filter(Boolean);
}

/**
 * The token of two adjacent words. Words never contain a space, so a pair can never be
 * mistaken for a word.
 */
export const bigram = (first: string, second: string) => `${first} ${second}`;

/** The pairs of adjacent words of a phrase, in order: what a phrase asks of the token index. */
export function bigrams(words: readonly string[]): string[] {
  return words.slice(1).map((word, i) => bigram(words[i]!, word));
}

/**
 * The distinct search tokens of some texts, in first-seen order: each text's words, then its
 * adjacent pairs. Pairs never span two texts (a title's last word and a location's first word
 * are not a phrase).
 */
export function searchTokens(...texts: Array<string | null | undefined>): string[] {
  const tokens = new Set<string>();
  const pairs = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    const words = foldedWords(text);
    for (const word of words) tokens.add(word);
    for (const pair of bigrams(words)) pairs.add(pair);
  }
  return [...tokens, ...pairs];
}

/** An ASCII slug for natural keys: "Phó Trưởng ban Thường trực" → "pho-truong-ban-thuong-truc". */
export function slugify(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** A user's search: words that must all occur, and quoted phrases whose words must occur in order. */
export interface SearchQuery {
  /** Every folded word, phrases' words included, in the query's order, each once. */
  readonly tokens: string[];
  /** Each quoted phrase as its folded words. */
  readonly phrases: string[][];
  /** Every folded word as written, in order, repeats kept (what ranking compares with the text). */
  readonly words: string[];
}

/**
 * Reads `bao chi "nuoc ngoai"`: words anywhere, quoted words in order. An unbalanced quote or a
 * phrase without words is the client's mistake, named as such (`field` is the argument's name).
 */
export function parseSearch(query: string, field = 'search'): SearchQuery {
  const quotes = (query.match(/"/g) ?? []).length;
  if (quotes % 2 === 1) throw badUserInput(field, `has an unmatched quote: close the phrase with a second " (got ${JSON.stringify(query)})`);
  const phrases: string[][] = [];
  query.replace(/"([^"]*)"/g, (_, phrase: string) => {
    const words = foldedWords(phrase);
    if (words.length === 0) throw badUserInput(field, `has an empty phrase ""; put words between the quotes`);
    phrases.push(words);
    return ' ';
  });
  const words = foldedWords(query);
  return { tokens: [...new Set(words)], phrases, words };
}

/**
 * What the token index is asked for: every word, and each phrase's adjacent pairs. A phrase of
 * two words is then matched exactly by the database; a longer one when each of its adjacent
 * pairs occurs in the record (callers that hold the text check the exact order as well).
 */
export function indexTokens(search: SearchQuery): string[] {
  return [...new Set([...search.tokens, ...search.phrases.flatMap(bigrams)])];
}

/**
 * The Mongo filter for a list's `filter.search`, or undefined when it has no words. Quoted
 * phrases are honoured and a malformed query is refused, naming `argument`, as every list does.
 */
export function searchFilter(query: string | null | undefined, argument = 'filter.search', field = 'searchTokens'): Record<string, unknown> | undefined {
  if (query == null) return undefined;
  const tokens = indexTokens(parseSearch(query, argument));
  if (tokens.length === 0) return undefined;
  return { [field]: { $all: tokens } };
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
 * What is wrong with another written form of a name (`form`, the `passage` it was taken from, and
 * longer `except` phrases that begin with it but name something else), as [field, problem]
 * pairs; none when it is sound. The seed and the write API check name forms alike.
 */
export function nameFormProblems(nameForm: { form?: unknown; passage?: unknown; except?: unknown }): Array<[field: 'form' | 'passage' | 'except', problem: string]> {
  const { form, passage, except } = nameForm;
  if (typeof form !== 'string' || foldedWords(form).length === 0) return [['form', 'must contain letters or digits']];
  const problems: Array<['form' | 'passage' | 'except', string]> = [];
  if (form !== form.normalize('NFC')) problems.push(['form', 'must be Unicode NFC']);
  const words = foldedWords(form);
  if (typeof passage !== 'string' || !containsPhrase(foldedWords(passage), words)) {
    problems.push(['passage', `must be the source's words around the form and contain ${JSON.stringify(form)}`]);
  }
  for (const phrase of Array.isArray(except) ? except : []) {
    const longer = typeof phrase === 'string' ? foldedWords(phrase) : [];
    if (longer.length <= words.length || words.some((word, i) => longer[i] !== word)) {
      problems.push(['except', `${JSON.stringify(phrase)} must be a longer phrase that begins with the form ${JSON.stringify(form)}`]);
    }
  }
  return problems;
}

/** A run of the text's words that repeats a run of the query's words, in the query's order. */
interface Run {
  /** Index of the run's first word in the text. */
  at: number;
  /** How many words long. */
  length: number;
  /** The run's folded words, joined by spaces. */
  key: string;
}

/**
 * The runs of `text` that match the query's words in order, longest first at each place and
 * never overlapping: "báo chí nước ngoài" in the text is one run of four, not four words.
 */
function matchingRuns(text: readonly string[], query: readonly string[]): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < text.length; ) {
    let best = 0;
    for (let j = 0; j < query.length; j += 1) {
      let k = 0;
      while (i + k < text.length && j + k < query.length && text[i + k] === query[j + k]) k += 1;
      if (k > best) best = k;
    }
    if (best === 0) {
      i += 1;
      continue;
    }
    runs.push({ at: i, length: best, key: text.slice(i, i + best).join(' ') });
    i += best;
  }
  return runs;
}

/**
 * The weight of a run: each word more in query order counts ten times as much, so one
 * occurrence of the query's words side by side outweighs any number of them scattered.
 */
const runWeight = (length: number) => 10 ** (length - 1);

/**
 * How well some words answer the query: for each distinct run found, its weight times a count
 * that grows slowly (1 + ln n), so a word repeated on every line does not drown a phrase.
 */
function runScore(text: readonly string[], query: readonly string[]): number {
  const counts = new Map<string, { length: number; count: number }>();
  for (const run of matchingRuns(text, query)) {
    const entry = counts.get(run.key) ?? { length: run.length, count: 0 };
    entry.count += 1;
    counts.set(run.key, entry);
  }
  let score = 0;
  for (const { length, count } of counts.values()) score += runWeight(length) * (1 + Math.log(count));
  return score;
}

/**
 * How well a document answers a search. Adjacent words in the query's order weigh far more
 * than scattered ones (a run of n words weighs 10^(n-1)); the title counts thrice the text.
 */
export function relevance(search: SearchQuery, title: string, text: string | undefined): number {
  const score = 3 * runScore(foldedWords(title), search.words) + runScore(foldedWords(text ?? ''), search.words);
  return Math.round(score * 1000) / 1000;
}

/** The words of a text with where each starts and ends in it (NFC), for cutting snippets. */
function wordsWithOffsets(text: string): Array<{ word: string; start: number; end: number }> {
  const words: Array<{ word: string; start: number; end: number }> = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    for (const word of foldedWords(match[0])) words.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/**
 * A passage of `text` around the place that best answers the search — its longest run of the
 * query's words in order, and among equally long runs the one with the most other query words
 * nearby — in the text's own spelling, with "…" where it was cut.
 */
export function snippet(text: string, search: SearchQuery, around = 80): string | undefined {
  const source = text.normalize('NFC');
  const words = wordsWithOffsets(source);
  const runs = matchingRuns(
    words.map((w) => w.word),
    search.words,
  );
  if (runs.length === 0) return undefined;
  const wanted = new Set(search.tokens);
  const nearby = (run: Run) => {
    const seen = new Set<string>();
    for (let i = Math.max(0, run.at - 12); i < Math.min(words.length, run.at + run.length + 12); i += 1) if (wanted.has(words[i]!.word)) seen.add(words[i]!.word);
    return seen.size;
  };
  let best = runs[0]!;
  for (const run of runs.slice(1)) {
    if (run.length > best.length || (run.length === best.length && nearby(run) > nearby(best))) best = run;
  }
  const from = words[best.at]!.start;
  const to = words[best.at + best.length - 1]!.end;
  // Widen to whole words on both sides.
  let start = Math.max(0, from - around);
  let end = Math.min(source.length, to + around);
  while (start > 0 && /[\p{L}\p{N}\p{M}]/u.test(source[start - 1]!)) start -= 1;
  while (end < source.length && /[\p{L}\p{N}\p{M}]/u.test(source[end]!)) end += 1;
  const piece = source.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${piece}${end < source.length ? '…' : ''}`;
}
