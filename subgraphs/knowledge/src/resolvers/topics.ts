import { byId, type SubgraphContext } from '@hub/kit';
import { Topic } from '../entities/topic.entity.js';

/** The Topic records for some codes, in their order, skipping unknown codes. */
export async function loadTopics(ctx: SubgraphContext, codes: readonly string[]): Promise<Topic[]> {
  const topics = await byId(ctx, Topic).loadMany([...codes]);
  return topics.filter((topic): topic is Topic => topic instanceof Topic);
}
