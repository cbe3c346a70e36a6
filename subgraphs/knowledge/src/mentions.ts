/**
 * Which records a document names. The names of the hub's people, committees, agencies and
 * provinces are the organization subgraph's (asked once per import, signed, page by page), with
 * the other forms the sources write them in (`nameForms`); the conclusions and strategies are
 * this subgraph's own. A name matches when its folded words occur in the folded text, in order,
 * so "Ha Noi" and "Hà Nội" count alike; "Trung ương" also matches its abbreviations T.Ư, TƯ and
 * TW. Where several forms match at one place the longest wins, and the words it covers are not
 * matched again: "Ban Chỉ đạo Công tác thông tin đối ngoại T.Ư" is one mention of the central
 * committee, not also one of a bare "Ban Chỉ đạo".
 */
import { foldText, notArchived, type SubgraphContext } from '@hub/kit';
import { Conclusion } from './entities/conclusion.entity.js';
import { Mention, MentionKind } from './entities/mention.embeddable.js';
import { Strategy } from './entities/strategy.entity.js';

/** A form of a name to look for, and where it applies. */
export interface NameMatch {
  form: string;
  /** The document it names the record in only; any document when absent. */
  onlyIn?: string;
  /** Longer phrases (of `onlyIn`, or of any text) starting with the form that are not mentions of the record. */
  except?: string[];
}

export interface Named {
  kind: MentionKind;
  key: string;
  /** What the hub calls it; `match` are the forms looked for in texts. */
  name: string;
  match: NameMatch[];
}

interface NameFormRow {
  form: string;
  onlyInSource: boolean;
  except: string[];
  source: { id: string };
}

interface Page {
  edges: Array<{ node: { id: string; name?: string; fullName?: string; nameForms?: NameFormRow[] } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

type Row = { id: string; name: string; match: NameMatch[] };

/** Every page of one of organization's lists. */
async function allOf(ctx: SubgraphContext, list: 'people' | 'committees' | 'agencies', nameField: 'name' | 'fullName'): Promise<Row[]> {
  const rows: Row[] = [];
  const forms = list === 'people' ? '' : 'nameForms { form onlyInSource except source { id } }';
  let after: string | null = null;
  do {
    const data: Record<string, Page> = await ctx.peers.query<Record<string, Page>>(
      'organization',
      `query ($after: String) { ${list}(first: 100, after: $after) { edges { node { id ${nameField} ${forms} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
      ctx.identity,
    );
    const page: Page = data[list]!;
    for (const { node } of page.edges) {
      const name = (node[nameField] ?? '') as string;
      const extra = (node.nameForms ?? []).map((nameForm) => ({ form: nameForm.form, onlyIn: nameForm.onlyInSource ? nameForm.source.id : undefined, except: nameForm.except }));
      rows.push({ id: node.id, name, match: [{ form: name }, ...extra] });
    }
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return rows;
}

/** The names a text may mention, from this subgraph and from organization. */
export async function knownNames(ctx: SubgraphContext): Promise<Named[]> {
  const [people, committees, agencies, provinces, conclusions, strategies] = await Promise.all([
    allOf(ctx, 'people', 'fullName'),
    allOf(ctx, 'committees', 'name'),
    allOf(ctx, 'agencies', 'name'),
    ctx.peers.query<{ provinces: Array<{ code: string; name: string }> }>('organization', '{ provinces { code name } }', {}, ctx.identity),
    ctx.em.find(Conclusion, notArchived() as never),
    ctx.em.find(Strategy, notArchived() as never),
  ]);
  const named = (kind: MentionKind, key: string, name: string, ...forms: string[]): Named => ({ kind, key, name, match: forms.map((form) => ({ form })) });
  return [
    ...people.map((p) => ({ kind: MentionKind.PERSON, key: p.id, name: p.name, match: p.match })),
    ...committees.map((c) => ({ kind: MentionKind.COMMITTEE, key: c.id, name: c.name, match: c.match })),
    ...agencies.map((a) => ({ kind: MentionKind.AGENCY, key: a.id, name: a.name, match: a.match })),
    ...provinces.provinces.map((p) => named(MentionKind.PROVINCE, p.code, p.name, p.name)),
    ...conclusions.map((c) => named(MentionKind.CONCLUSION, c._id, c.number, c.number, c.title)),
    ...strategies.map((s) => named(MentionKind.STRATEGY, s._id, s.title, s.title)),
  ];
}

/** A word of a text or a form: folded, and whether it is written in capitals ("TƯ", "KL"). */
interface Word {
  folded: string;
  capitals: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a text, folded, remembering which were all capitals. */
export function mentionWords(text: string): Word[] {
  const words: Word[] = [];
  for (const [raw] of text.normalize('NFC').matchAll(WORD)) {
    const capitals = /\p{Lu}/u.test(raw) && raw === raw.toUpperCase();
    for (const folded of foldText(raw).split(/[^\p{L}\p{N}]+/u).filter(Boolean)) words.push({ folded, capitals });
  }
  return words;
}

/**
 * "Trung ương" and its abbreviations are one word to the sources: "Ban Tuyên giáo T.Ư" is
 * "Ban Tuyên giáo Trung ương". Each form is looked for in all four spellings.
 */
const CENTRAL_SPELLINGS = ['Trung ương', 'T.Ư', 'TƯ', 'TW'];
const CENTRAL = new RegExp(`(?<![\\p{L}\\p{N}])(?:${CENTRAL_SPELLINGS.map((s) => s.replace('.', '\\.')).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

export function spellings(form: string): string[] {
  if (!CENTRAL.test(form)) return [form];
  CENTRAL.lastIndex = 0;
  return CENTRAL_SPELLINGS.map((spelling) => form.replace(CENTRAL, spelling));
}

/**
 * Whether a form's words stand at `at` in the text. A word the form writes in capitals (an
 * abbreviation: "TƯ", "KL") matches only a word in capitals, so "TƯ" never matches the word
 * "từ", which folds alike.
 */
function standsAt(text: readonly Word[], at: number, form: readonly Word[]): boolean {
  if (at + form.length > text.length) return false;
  return form.every((word, i) => text[at + i]!.folded === word.folded && (!word.capitals || word.folded.length < 2 || text[at + i]!.capitals));
}

interface Pattern {
  words: Word[];
  /** The record it names; null for an exception, which covers words without naming anything. */
  named: Named | null;
}

/**
 * How often each record is named in `text` (the text of document `documentId`, when it has one
 * yet): the longest form at each place wins and covers its words. Only records named at least once.
 */
export function findMentions(text: string, names: readonly Named[], documentId?: string): Mention[] {
  const patterns = new Map<string, Pattern[]>();
  const add = (form: string, named: Named | null) => {
    for (const spelling of spellings(form)) {
      const words = mentionWords(spelling);
      if (words.length === 0) continue;
      const first = words[0]!.folded;
      if (!patterns.has(first)) patterns.set(first, []);
      patterns.get(first)!.push({ words, named });
    }
  };
  for (const named of names) {
    for (const match of named.match) {
      if (match.onlyIn !== undefined && match.onlyIn !== documentId) continue;
      add(match.form, named);
      for (const phrase of match.except ?? []) add(phrase, null);
    }
  }
  const words = mentionWords(text);
  const counts = new Map<Named, number>();
  for (let i = 0; i < words.length; ) {
    let best: Pattern | undefined;
    for (const pattern of patterns.get(words[i]!.folded) ?? []) {
      if ((!best || pattern.words.length > best.words.length) && standsAt(words, i, pattern.words)) best = pattern;
    }
    if (!best) {
      i += 1;
      continue;
    }
    if (best.named) counts.set(best.named, (counts.get(best.named) ?? 0) + 1);
    i += best.words.length;
  }
  const mentions = [...counts].map(([named, count]) => Object.assign(new Mention(), { kind: named.kind, key: named.key, name: named.name, count }));
  return mentions.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
