/**
 * Which records a document names. The names of the hub's people, committees, agencies and
 * provinces are the organization subgraph's (asked once per import, signed, page by page); the
 * conclusions and strategies are this subgraph's own. A name matches when its folded words occur
 * in the folded text, in order, so "Ha Noi" and "Hà Nội" count alike.
 */
import { foldedWords, notArchived, type SubgraphContext } from '@hub/kit';
import { Conclusion } from './entities/conclusion.entity.js';
import { Mention, MentionKind } from './entities/mention.embeddable.js';
import { Strategy } from './entities/strategy.entity.js';

interface Named {
  kind: MentionKind;
  key: string;
  /** What the hub calls it; `match` are the forms looked for in texts. */
  name: string;
  match: string[];
}

interface Page {
  edges: Array<{ node: { id: string; name?: string; fullName?: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every page of one of organization's lists. */
async function allOf(ctx: SubgraphContext, list: 'people' | 'committees' | 'agencies', nameField: 'name' | 'fullName'): Promise<Array<{ id: string; name: string }>> {
  const rows: Array<{ id: string; name: string }> = [];
  let after: string | null = null;
  do {
    const data: Record<string, Page> = await ctx.peers.query<Record<string, Page>>(
      'organization',
      `query ($after: String) { ${list}(first: 100, after: $after) { edges { node { id ${nameField} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
      ctx.identity,
    );
    const page: Page = data[list]!;
    rows.push(...page.edges.map((edge) => ({ id: edge.node.id, name: (edge.node[nameField] ?? '') as string })));
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
  const named = (kind: MentionKind, key: string, name: string, ...extra: string[]): Named => ({ kind, key, name, match: [name, ...extra] });
  return [
    ...people.map((p) => named(MentionKind.PERSON, p.id, p.name)),
    ...committees.map((c) => named(MentionKind.COMMITTEE, c.id, c.name)),
    ...agencies.map((a) => named(MentionKind.AGENCY, a.id, a.name)),
    ...provinces.provinces.map((p) => named(MentionKind.PROVINCE, p.code, p.name)),
    ...conclusions.map((c) => named(MentionKind.CONCLUSION, c._id, c.number, c.title)),
    ...strategies.map((s) => named(MentionKind.STRATEGY, s._id, s.title)),
  ];
}

/** How often each name occurs in `text` (as consecutive folded words); only those that do. */
export function findMentions(text: string, names: readonly Named[]): Mention[] {
  const words = foldedWords(text);
  const mentions: Mention[] = [];
  for (const named of names) {
    let count = 0;
    for (const form of named.match) {
      const phrase = foldedWords(form);
      if (phrase.length === 0) continue;
      for (let i = 0; i + phrase.length <= words.length; i += 1) {
        if (phrase.every((word, j) => words[i + j] === word)) count += 1;
      }
    }
    if (count > 0) mentions.push(Object.assign(new Mention(), { kind: named.kind, key: named.key, name: named.name, count }));
  }
  return mentions.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
