import type { SubgraphContext } from '@hub/kit';
import { Ctx, Query, Resolver } from 'type-graphql';
import { Topic } from '../entities/topic.entity.js';

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => [Topic], { description: 'Every topic, by code.' })
  topics(@Ctx() ctx: SubgraphContext) {
    return ctx.em.find(Topic, {}, { orderBy: { _id: 'asc' } });
  }
}
