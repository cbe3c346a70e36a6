import { badUserInput, byId, connectionType, DEFAULT_PAGE_SIZE, existing, MAX_PAGE_SIZE, paginate, type SubgraphContext, ListChanges, listed } from '@hub/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Conclusion } from '../entities/conclusion.entity.js';
import { SourceDocument } from '../entities/source-document.entity.js';
import { Strategy } from '../entities/strategy.entity.js';
import { Topic } from '../entities/topic.entity.js';
import { AgencyRef } from '../references.js';

export const ConclusionConnection = connectionType(Conclusion, 'Conclusion', 'A page of conclusions.');

@Resolver(() => Conclusion)
export class ConclusionResolver {
  @Query(() => Conclusion, { nullable: true, description: 'One conclusion by id or by number ("57-KL/TW"); give one of them.' })
  async conclusion(
    @Ctx() ctx: SubgraphContext,
    @Arg('id', () => ID, { nullable: true, description: 'The conclusion\'s id.' }) id?: string,
    @Arg('number', () => String, { nullable: true, description: 'Its number, e.g. "57-KL/TW"; case, spaces and punctuation do not matter ("57- KL/TW" finds it too).' }) number?: string,
  ) {
    if ((id == null) === (number == null)) throw badUserInput('conclusion', 'give exactly one of `id` or `number`');
    if (id != null) return byId(ctx, Conclusion).load(id);
    const key = Conclusion.numberKey(number!);
    if (!key) throw badUserInput('number', `must contain letters or digits, got ${JSON.stringify(number)}`);
    return ctx.em.findOne(Conclusion, { numberKey: key });
  }

  @Query(() => ConclusionConnection, { description: 'Conclusions, by number.' })
  conclusions(
    @Ctx() ctx: SubgraphContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page; omit for the first page.' }) after?: string,
    @Args(() => ListChanges) changes?: ListChanges,
  ) {
    return paginate(ctx, { entity: Conclusion, where: listed(changes), sortField: 'sortKey', first, after });
  }

  @FieldResolver(() => AgencyRef, { nullable: true, description: 'The body that issued it (the Politburo for 57-KL/TW).' })
  issuedBy(@Root() conclusion: Conclusion) {
    return conclusion.issuedById ? AgencyRef.of(conclusion.issuedById) : null;
  }

  @FieldResolver(() => Strategy, { nullable: true, description: 'The strategy it belongs to, where a source links them.' })
  strategy(@Root() conclusion: Conclusion, @Ctx() ctx: SubgraphContext) {
    return conclusion.strategyId ? byId(ctx, Strategy).load(conclusion.strategyId) : null;
  }

  @FieldResolver(() => [Topic], { description: 'The topics it is about.' })
  topics(@Root() conclusion: Conclusion, @Ctx() ctx: SubgraphContext) {
    return existing(ctx, Topic, conclusion.topics);
  }

  @FieldResolver(() => [SourceDocument], { description: 'The documents that state this record.' })
  sources(@Root() conclusion: Conclusion, @Ctx() ctx: SubgraphContext) {
    return existing(ctx, SourceDocument, conclusion.sources);
  }
}
