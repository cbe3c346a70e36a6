import { badUserInput, byId, checkYear, existing, manyBy, notArchived, type SubgraphContext } from '@hub/kit';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Conclusion } from '../entities/conclusion.entity.js';
import { SourceDocument } from '../entities/source-document.entity.js';
import { Strategy } from '../entities/strategy.entity.js';
import { Topic } from '../entities/topic.entity.js';

@Resolver(() => Strategy)
export class StrategyResolver {
  @Query(() => Strategy, { nullable: true, description: 'One strategy by id or by code; give one of them.' })
  strategy(
    @Ctx() ctx: SubgraphContext,
    @Arg('id', () => ID, { nullable: true, description: 'The strategy\'s id.' }) id?: string,
    @Arg('code', () => String, { nullable: true, description: 'The strategy\'s code.' }) code?: string,
  ) {
    if ((id == null) === (code == null)) throw badUserInput('strategy', 'give exactly one of `id` or `code`');
    return byId(ctx, Strategy).load((id ?? code)!);
  }

  @Query(() => [Strategy], { description: 'Strategies in order of their start, or those in force in a given year.' })
  strategies(@Ctx() ctx: SubgraphContext, @Arg('activeIn', () => Int, { nullable: true, description: 'Only strategies in force in this year (startYear ≤ year ≤ endYear).' }) activeIn?: number) {
    checkYear('activeIn', activeIn);
    const where = activeIn == null ? notArchived() : { ...notArchived(), startYear: { $lte: activeIn }, endYear: { $gte: activeIn } };
    return ctx.em.find(Strategy, where, { orderBy: { startYear: 'asc' } });
  }

  @FieldResolver(() => Strategy, { nullable: true, description: 'The strategy this one continues.' })
  predecessor(@Root() strategy: Strategy, @Ctx() ctx: SubgraphContext) {
    return strategy.predecessorId ? byId(ctx, Strategy).load(strategy.predecessorId) : null;
  }

  @FieldResolver(() => Strategy, { nullable: true, description: 'The strategy that continues this one.' })
  async successor(@Root() strategy: Strategy, @Ctx() ctx: SubgraphContext) {
    const [next] = await manyBy(ctx, Strategy, 'predecessorId', { where: notArchived() }).load(strategy._id);
    return next ?? null;
  }

  @FieldResolver(() => [Conclusion], { description: 'Conclusions that belong to this strategy.' })
  conclusions(@Root() strategy: Strategy, @Ctx() ctx: SubgraphContext) {
    return manyBy(ctx, Conclusion, 'strategyId', { where: notArchived() }).load(strategy._id);
  }

  @FieldResolver(() => [Topic], { description: 'The topics it is about.' })
  topics(@Root() strategy: Strategy, @Ctx() ctx: SubgraphContext) {
    return existing(ctx, Topic, strategy.topics);
  }

  @FieldResolver(() => [SourceDocument], { description: 'The documents that state this record.' })
  sources(@Root() strategy: Strategy, @Ctx() ctx: SubgraphContext) {
    return existing(ctx, SourceDocument, strategy.sources);
  }
}
