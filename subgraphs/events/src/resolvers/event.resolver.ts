import { byId, connectionType, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, paginate, type FieldReads, type SubgraphContext, ListChanges } from '@hub/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Event } from '../entities/event.entity.js';
import { EventOrder } from '../enums.js';
import { resolvedEventConditions } from '../event-filter.js';
import { EventFilter } from '../inputs/event-filter.input.js';
import { CommitteeRef, ConclusionRef, ProvinceRef, SourceDocumentRef, StrategyRef } from '../references.js';

export const EventConnection = connectionType(Event, 'Event', 'A page of events.');

/** What this class's field resolvers read, so that a page loads only what its selection needs. */
const reads: FieldReads<Event> = {
  organizer: ['organizerId'],
  province: ['provinceCode'],
  conclusions: ['conclusionIds'],
  strategies: ['strategyIds'],
  sources: ['sources'],
};

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: 'One event by id.' })
  event(@Ctx() ctx: SubgraphContext, @Arg('id', () => ID, { description: 'The event\'s id.' }) id: string) {
    return byId(ctx, Event).load(id);
  }

  @Query(() => EventConnection, { description: 'Events, newest first unless `orderBy` says otherwise.' })
  async events(
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Conditions the events must meet.' }) filter?: EventFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page; omit for the first page.' }) after?: string,
    @Arg('orderBy', () => EventOrder, { nullable: true, defaultValue: EventOrder.DATE_DESC, description: 'Newest or oldest first.' }) orderBy?: EventOrder,
    @Args(() => ListChanges) changes?: ListChanges,
  ) {
    const ascending = orderBy === EventOrder.DATE_ASC;
    return paginate(ctx, {
      entity: Event,
      where: await resolvedEventConditions(ctx, filter, changes),
      sortField: ascending ? 'ascKey' : 'descKey',
      descending: !ascending,
      first,
      after,
      selection: { info, reads },
    });
  }

  @FieldResolver(() => CommitteeRef, { nullable: true, description: 'The committee that held the event.' })
  organizer(@Root() event: Event) {
    return event.organizerId ? CommitteeRef.of(event.organizerId) : null;
  }

  @FieldResolver(() => ProvinceRef, { nullable: true, description: 'The province it took place in.' })
  province(@Root() event: Event) {
    return event.provinceCode ? ProvinceRef.of(event.provinceCode) : null;
  }

  @FieldResolver(() => [ConclusionRef], { nullable: true, description: 'The conclusions it studied or implemented.' })
  conclusions(@Root() event: Event) {
    return event.conclusionIds.map(ConclusionRef.of);
  }

  @FieldResolver(() => [StrategyRef], { nullable: true, description: 'The strategies it reviewed or implemented.' })
  strategies(@Root() event: Event) {
    return event.strategyIds.map(StrategyRef.of);
  }

  @FieldResolver(() => [SourceDocumentRef], { nullable: true, description: 'The documents that report it.' })
  sources(@Root() event: Event) {
    return event.sources.map(SourceDocumentRef.of);
  }
}
