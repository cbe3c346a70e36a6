import { byId, connectionType, DEFAULT_PAGE_SIZE, existing, indexTokens, MAX_PAGE_SIZE, paginate, paginateLoaded, parseSearch, type FieldReads, type Filter, type SubgraphContext, ListChanges, listed } from '@hub/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { matchesPhrases } from './document-search.resolver.js';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { SourceDocument } from '../entities/source-document.entity.js';
import { Topic } from '../entities/topic.entity.js';
import { DocumentFilter } from '../inputs/document-filter.input.js';

export const SourceDocumentConnection = connectionType(SourceDocument, 'SourceDocument', 'A page of source documents.');

/** What this class's field resolvers read, so that a page loads only what its selection needs. */
const reads: FieldReads<SourceDocument> = {
  topics: ['topics'],
};

@Resolver(() => SourceDocument)
export class SourceDocumentResolver {
  @Query(() => SourceDocument, { nullable: true, description: 'One source document by id.' })
  document(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The document\'s id.' }) id: string) {
    return byId(ctx, SourceDocument).load(id);
  }

  @Query(() => SourceDocumentConnection, { description: 'Source documents, by title.' })
  async documents(
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => DocumentFilter, { nullable: true, description: 'Conditions the documents must meet.' }) filter?: DocumentFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page; omit for the first page.' }) after?: string,
    @Args(() => ListChanges) changes?: ListChanges,
  ) {
    const conditions: Filter[] = [listed(changes)];
    if (filter?.topicCode) conditions.push({ topics: filter.topicCode });
    const search = filter?.search != null ? parseSearch(filter.search, 'filter.search') : undefined;
    if (search?.tokens.length) conditions.push({ searchTokens: { $all: indexTokens(search) } });
    // The token index holds adjacent pairs, so a two-word phrase is matched by the database; a
    // longer one is checked word by word on the candidates it found, then paged here.
    if (search?.phrases.some((phrase) => phrase.length > 2)) {
      const rows = await ctx.em.find(SourceDocument, { $and: conditions } as never);
      return paginateLoaded(rows.filter((document) => matchesPhrases(document, search.phrases)), { typeName: 'SourceDocument', sortField: 'sortKey', first, after });
    }
    return paginate(ctx, { entity: SourceDocument, where: { $and: conditions }, sortField: 'sortKey', first, after, selection: { info, reads } });
  }

  @FieldResolver(() => [Topic], { description: 'The topics it is about.' })
  topics(@Root() document: SourceDocument, @Ctx() ctx: SubgraphContext) {
    return existing(ctx, Topic, document.topics);
  }
}
