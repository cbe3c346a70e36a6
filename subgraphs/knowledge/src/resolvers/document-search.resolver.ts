/**
 * Searching documents like a reader would: words in any order without diacritics, "quoted
 * phrases" in order, the best matches first, each with the passage where it matched. The token
 * index narrows the candidates in the database; phrases, ranking and snippets are worked out on
 * those candidates only.
 */
import { connectionType, containsPhrase, DEFAULT_PAGE_SIZE, foldedWords, foldText, indexTokens, MAX_PAGE_SIZE, paginateLoaded, parseSearch, relevance, snippet, type SubgraphContext, ListChanges, listed } from '@hub/kit';
import { Arg, Args, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { SourceDocument } from '../entities/source-document.entity.js';

@ObjectType({ description: 'A document that matches a search, with why.' })
export class DocumentHit {
  @Field(() => SourceDocument, { description: 'The document that matches.' })
  document!: SourceDocument;

  @Field(() => Float, {
    description: 'How well it matches: each run of the query\'s words found side by side in the query\'s order weighs ten times more per word (one "báo chí nước ngoài" outweighs any number of scattered "báo", "chí"), repeats add slowly, the title counts thrice. Higher is better.',
  })
  score!: number;

  @Field(() => String, { nullable: true, description: 'The passage around the best match (the longest run of the query\'s words in order), in the text\'s own spelling ("…" where cut); null when only the title matched.' })
  snippet?: string;

  /** Orders hits best first, then by title (a string, so the kit's paging can use it). */
  rank!: string;
}

export const DocumentHitConnection = connectionType(DocumentHit, 'DocumentHit', 'A page of documents that match a search, best first.');

/** Whether a document matches every phrase of the search (its words are already known to be there). */
export function matchesPhrases(document: SourceDocument, phrases: string[][]): boolean {
  if (phrases.length === 0) return true;
  const title = foldedWords(document.title);
  const text = foldedWords(`${document.summary ?? ''} ${document.text ?? ''}`);
  return phrases.every((phrase) => containsPhrase(title, phrase) || containsPhrase(text, phrase));
}

@Resolver(() => DocumentHit)
export class DocumentSearchResolver {
  @Query(() => DocumentHitConnection, {
    description: 'Documents whose title or text matches, best first, each with a snippet. Words match without diacritics (`bao chi` finds `báo chí`); a "quoted phrase" matches its words in order.',
  })
  async searchDocuments(
    @Ctx() ctx: SubgraphContext,
    @Arg('query', () => String, { description: 'Words and "quoted phrases", e.g. `"bao chi nuoc ngoai" du lich`.' }) query: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page; omit for the first page.' }) after?: string,
    @Args(() => ListChanges) changes?: ListChanges,
  ) {
    const search = parseSearch(query, 'query');
    // The ranking belongs to this query: a cursor from another query's results is refused.
    // Folded, so "Báo chí" and "bao chi" (ranked alike) share their cursors.
    const scope = `query ${JSON.stringify(foldText(query).replace(/\s+/g, ' ').trim())}`;
    if (search.tokens.length === 0) return paginateLoaded([] as DocumentHit[], { typeName: 'DocumentHit', sortField: 'rank', scope, first, after });
    const candidates = await ctx.em.find(SourceDocument, { $and: [listed(changes), { searchTokens: { $all: indexTokens(search) } }] } as never);
    const hits = candidates
      .filter((document) => matchesPhrases(document, search.phrases))
      .map((document) => {
        const score = relevance(search, document.title, `${document.summary ?? ''} ${document.text ?? ''}`);
        return Object.assign(new DocumentHit(), {
          document,
          score,
          snippet: snippet(document.text ?? document.summary ?? '', search),
          rank: `${(1e9 - score).toFixed(3).padStart(14, '0')} ${document.sortKey}`,
        });
      });
    return paginateLoaded(hits, { typeName: 'DocumentHit', sortField: 'rank', scope, first, after });
  }
}
